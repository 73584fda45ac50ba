from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from heard.accounts import views

app_name = "accounts"

urlpatterns = [
    path("account/login/", views.LoginView.as_view(), name="login"),
    path("account/logout/", views.logout_view, name="logout"),
    path("account/mfa/setup/", views.mfa_setup, name="mfa_setup"),
    path("account/mfa/verify/", views.mfa_verify, name="mfa_verify"),
    path("account/security/", views.security, name="security"),
    path("account/password/", views.password_change, name="password_change"),
    path("account/sessions/end-all/", views.sign_out_everywhere, name="sign_out_everywhere"),
    path("account/mfa/recovery-codes/", views.recovery_codes_regenerate, name="recovery_codes"),
    path("account/api-tokens/", views.api_token_create, name="api_token_create"),
    path(
        "account/api-tokens/<uuid:token_id>/revoke/",
        views.api_token_revoke,
        name="api_token_revoke",
    ),
    path("account/password-reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "account/password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "account/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            success_url=reverse_lazy("accounts:login"),
            post_reset_login=False,
        ),
        name="password_reset_confirm",
    ),
    path("invite/<str:token>/", views.invite_accept, name="invite_accept"),
    path("join/", views.join, name="join"),
    path("care/invite/", views.invite_client, name="invite_client"),
    path("org/", views.org_home, name="org_home"),
    path("org/region/", views.org_region, name="org_region"),
]
