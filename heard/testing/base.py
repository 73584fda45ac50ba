"""Named personas for tests (STYLE rule 15), built through services.

Casey (client) is cared for by Dr. Dana (clinician), whose supervisor is Sam. Eli is a
clinician in the same service who is NOT on Casey's team (he treats Cam, another client).
Fay facilitates groups and Olive is the org admin: neither may see any client's data.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from heard.accounts import services as accounts
from heard.accounts.models import Organization, Role, User
from heard.people import services as people

PASSWORD = "correct horse battery staple"


@dataclass
class Personas:
    org: Organization
    casey: User
    cam: User
    dana: User
    eli: User
    sam: User
    fay: User
    olive: User

    @property
    def by_name(self) -> dict[str, User]:
        return {
            "casey": self.casey,
            "cam": self.cam,
            "dana": self.dana,
            "eli": self.eli,
            "sam": self.sam,
            "fay": self.fay,
            "olive": self.olive,
        }


def _person(org: Organization, email: str, name: str, role: str, **kw: object) -> User:
    user = accounts.create_account(email=email, password=PASSWORD, full_name=name)
    accounts.add_membership(None, user=user, organization=org, role=role, **kw)  # type: ignore[arg-type]
    return user


def make_personas() -> Personas:
    org = accounts.create_organization(None, name="Harbor Counselling", region="US")
    sam = _person(org, "sam@example.org", "Sam Okafor", Role.SUPERVISOR)
    sam_membership = sam.memberships.get(role=Role.SUPERVISOR)
    dana = _person(org, "dana@example.org", "Dana Reyes", Role.CLINICIAN, supervisor=sam_membership)
    eli = _person(org, "eli@example.org", "Eli Novak", Role.CLINICIAN)
    fay = _person(org, "fay@example.org", "Fay Lind", Role.FACILITATOR)
    olive = _person(org, "olive@example.org", "Olive Grant", Role.ORG_ADMIN)
    casey = _person(org, "casey@example.org", "Casey Morgan", Role.CLIENT)
    cam = _person(org, "cam@example.org", "Cam Tran", Role.CLIENT)
    people.assign_clinician(None, organization=org, client=casey, clinician=dana)
    people.assign_clinician(None, organization=org, client=cam, clinician=eli)
    return Personas(
        org=org, casey=casey, cam=cam, dana=dana, eli=eli, sam=sam, fay=fay, olive=olive
    )


def sign_in(client: Client, user: User) -> Client:
    """Log `user` in; staff also pass the second factor, as they would after MFA."""
    user.refresh_from_db()  # e.g. "sign out everywhere" bumped the session generation
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    if accounts.is_staff_user(user):
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
        session = client.session
        session["otp_device_id"] = device.persistent_id
        session.save()
    return client
