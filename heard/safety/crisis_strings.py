"""Every translatable string in data/crisis_lines.json, so `makemessages` finds them.

The help page translates these at display time with gettext(). When you add or change a
line in the data file, add its new strings here too; a test lists any that are missing.
"""

from django.utils.translation import gettext_noop

# Translators: service names are proper nouns; keep them as the service writes them.
STRINGS = (
    gettext_noop("988 Suicide & Crisis Lifeline"),
    gettext_noop("Open 24 hours, every day"),
    gettext_noop(
        "Free and confidential. The counselor will first ask if you are safe, "
        "then listen and help you find support."
    ),
    gettext_noop("Call 988"),
    gettext_noop("Text 988"),
    gettext_noop("Chat online at 988lifeline.org"),
    gettext_noop("Spanish: call 988 and press 2"),
    gettext_noop("Spanish: text AYUDA to 988"),
    gettext_noop("Veterans: call 988 and press 1"),
    gettext_noop("Veterans: text 838255"),
    gettext_noop("Crisis Text Line"),
    gettext_noop("Free. You text with a trained volunteer crisis counselor."),
    gettext_noop("Text HOME to 741741"),
    gettext_noop("Emergency services"),
    gettext_noop("Call 911"),
    gettext_noop("Samaritans"),
    gettext_noop(
        "Free from any phone, and the number won't show on your phone bill. "
        "Email replies are not immediate."
    ),
    gettext_noop("Call 116 123"),
    gettext_noop("Email jo@samaritans.org"),
    gettext_noop("Shout 85258"),
    gettext_noop("Free text support for anyone living in the UK, of any age."),
    gettext_noop("Text SHOUT to 85258"),
    gettext_noop("NHS 111, mental health option"),
    gettext_noop("In England. Your local NHS mental health service answers for urgent help."),
    gettext_noop("Call 111 and choose option 2"),
    gettext_noop("If someone has been hurt or their life is at risk. You can also go to A&E."),
    gettext_noop("Call 999"),
    gettext_noop("9-8-8: Suicide Crisis Helpline"),
    gettext_noop("Free support in English and French, anywhere in Canada."),
    gettext_noop("Call 9-8-8"),
    gettext_noop("Text 9-8-8"),
    gettext_noop("Lifeline"),
    gettext_noop("Calls from mobiles are free."),
    gettext_noop("Call 13 11 14"),
    gettext_noop("Text 0477 13 11 14"),
    gettext_noop("Chat online at lifeline.org.au"),
    gettext_noop("Call 000"),
    gettext_noop("Samaritans Ireland"),
    gettext_noop("Free to call."),
    gettext_noop("Pieta"),
    gettext_noop("For suicidal thoughts and self-harm."),
    gettext_noop("Call 1800 247 247"),
    gettext_noop("Text HELP to 51444"),
    gettext_noop("Call 112"),
    gettext_noop("European emergency number"),
    gettext_noop(
        "Free from any phone in every EU country. It works alongside national emergency numbers."
    ),
    gettext_noop("Need to Talk? 1737"),
    gettext_noop("Free. You talk or text with a trained counselor."),
    gettext_noop("Call 1737"),
    gettext_noop("Text 1737"),
    gettext_noop("Lifeline Aotearoa"),
    gettext_noop("Call 0800 543 354"),
    gettext_noop("Text HELP to 4357"),
    gettext_noop("Call 111"),
    gettext_noop("Tele-MANAS"),
    gettext_noop("Free mental health support from the Government of India, in 20 languages."),
    gettext_noop("Call 14416"),
    gettext_noop("Call 1-800-891-4416"),
    gettext_noop("Emergency Response Support System"),
)
