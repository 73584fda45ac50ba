"""English lexicon: signals of suicide, self-harm, harm to others and abuse, and counter-signals.

Patterns match folded text (`text.fold`): lower case, no apostrophes ("dont", "im"), doubled
letters kept once (written here in plain spelling; `lexicon.expand` folds them too).
Ids read `en.<group>.<name>`; `what` is the phrase the explanation uses.
"""

from __future__ import annotations

from heard.safety.screening.lexicon import (
    ABUSE,
    ACUTE,
    CONCERN,
    HARM_TO_OTHERS,
    HISTORY,
    IDIOM,
    LAUGHTER,
    MEDIA,
    MODIFIER,
    NEGATION,
    NOT_ANSWERED_YES,
    RECENT,
    RECOVERY,
    SELF_HARM,
    SUICIDE,
    URGENT,
    Rule,
    RuleBook,
    alt,
)

MACROS = {
    "NOT_ANSWERED_YES": NOT_ANSWERED_YES,
    # Adverbs people put between "want to" and the verb.
    "ADV": r"(?: (?:just|really|simply|literally|honestly|seriously|fucking|fking|fcking|kinda|"
    "kind of|sort of|actually|so|truly|genuinely|rather|badly|finally|quietly|already))*",
    "SELF": alt("my ?self", "myslef", "meself", "mself", "my own self"),
    "OTHERSELF": alt(
        "himself", "herself", "themselves", "themself", "yourself", "urself", "ur self"
    ),
    "SUIC": r"(?:s[uo][iy]?[cs][iy]?[dt](?:e|al|ally|ality|es|le|el|ial)?|sewer ?slides?|sui ?side|"
    "suicide|"
    "suicidal)",
    "KILL": alt("kill", "kil", "killing", "kills", "killed", "kil ing"),
    "WANT": alt(
        "want",
        "wants",
        "wanted",
        "wanting",
        "wanna",
        "wana",
        "wan",
        "wish",
        "wishes",
        "wished",
        "would like",
        "should like",
        "id like",
        "feel like",
        "feels like",
        "felt like",
        "feeling like",
        "just want",
        "need",
        "needs",
        "tempted",
        "ready",
        "longing",
        "long",
        "desire",
        "hope",
        "hoping",
        "praying",
        "pray",
        "trying",
        "tryna",
        "try",
        "wish i could",
        "wish i would",
        "wish i can",
        "wishing i could",
        "id rather",
        "would rather",
        "rather",
        "prefer to",
        "prefer",
        "could just",
        "want ta",
    ),
    "INTEND": alt(
        "going",
        "gonna",
        "gona",
        "goin",
        "about to",
        "ready",
        "planning",
        "plan",
        "plans",
        "decided",
        "determined",
        "will",
        "ll",
        "il",
        "ima",
        "imma",
        "gotta",
        "have",
    ),
    # Ways of saying "die / stop living" that are risky after "want to".
    "DIE": alt(
        "die",
        "dye",
        "(?:be|b) dead",
        "be ded",
        "not (?:be|b) alive",
        "dead",
        "not wake up",
        "(?:go to )?sleep (?:for|and) (?:\\w+ ){0,3}(?:forever|long time|never wake up)",
        "not exist",
        "stop existing",
        "cease to exist",
        "not be here(?: anymore| any more| no more)?",
        "disappear(?: forever)?",
        "vanish(?: forever)?",
        "not wake up",
        "never wake up",
        "sleep forever",
        "go to sleep (?:forever|and never wake up|and not wake up)",
        "fall asleep and (?:never|not) wake up",
        "be gone(?: forever)?",
        "go away forever",
        "not be around",
        "stop breathing",
        "rot in the ground",
        "be six feet under",
        "join (?:her|him|them|my \\w+)",
        "be with (?:her|him|them|my \\w+) again",
        "end it(?: all)?",
        "end (?:my|this) (?:life|pain|existence|misery)",
        "end everything",
        "end things",
        "end myself",
        "finish (?:it|myself)",
        "{KILL} ?{SELF}",
        "{KILL} {OTHERSELF}",
        "kms",
        "unalive(?: {SELF})?",
        "off {SELF}",
        "take my (?:own )?life",
        "take myself out",
        "commit {SUIC}",
        "do {SUIC}",
        "{SUIC}",
        "ctb",
        "give up on (?:life|living|everything)",
        "throw myself (?:off|in front|under)",
        "jump (?:off|in front of|from)",
        "hang {SELF}",
        "overdose",
        "od",
        "\U0001faa6",
        "\u26b0",
    ),
    "PILLS": alt(
        "pills",
        "pils",
        "meds",
        "medication",
        "tablets",
        "sleeping pills",
        "painkillers",
        "tylenol",
        "paracetamol",
        "acetaminophen",
        "ibuprofen",
        "insulin",
        "antidepressants",
        "xanax",
        "oxy",
        "opioids",
        "bottle",
        "\U0001f48a",
    ),
    "PERSON": alt(
        "friend",
        "best friend",
        "bestie",
        "bff",
        "brother",
        "sister",
        "bro",
        "sis",
        "mom",
        "mum",
        "mother",
        "dad",
        "father",
        "son",
        "daughter",
        "kid",
        "child",
        "boyfriend",
        "girlfriend",
        "bf",
        "gf",
        "husband",
        "wife",
        "partner",
        "ex",
        "roommate",
        "flatmate",
        "cousin",
        "classmate",
        "coworker",
        "co worker",
        "colleague",
        "student",
        "client",
        "patient",
        "neighbor",
        "neighbour",
        "uncle",
        "aunt",
        "niece",
        "nephew",
        "teammate",
        "grandma",
        "grandpa",
        "stepdad",
        "stepmom",
        "teen",
        "sibling",
        "twin",
        "buddy",
        "mate",
    ),
    "THEY": alt("he", "she", "they", "hes", "shes", "theyre", "theyve", "hed", "shed"),
    "AGENT": alt(
        "he",
        "she",
        "they",
        "hes",
        "shes",
        "theyre",
        "my (?:\\w+ )?(?:dad|father|mom|mum|mother|stepdad|step dad|stepfather|stepmom|step mom|"
        "stepmother|brother|sister|boyfriend|bf|girlfriend|gf|husband|hubby|wife|partner|ex|"
        "uncle|aunt|grandpa|grandfather|grandma|cousin|coach|teacher|boss|manager|parents?|"
        "family|roommate|foster \\w+|carer|caregiver|guardian|pastor|priest|neighbou?r|"
        "babysitter|tutor|landlord|pimp|fiance|fiancee|in laws?|son|daughter)",
        "someone",
        "somebody",
        "a (?:man|guy|woman|boy|girl|teacher|stranger|coworker)",
        "this (?:guy|man|person|woman)",
        "people at (?:school|work)",
        "kids at school",
        "everyone at school",
        "(?:\\w+ )?at (?:school|work)",
    ),
    "ABUSE_VERB": alt(
        "hits",
        "hit",
        "hitting",
        "beats",
        "beat",
        "beating",
        "beat up",
        "beats up",
        "punches",
        "punched",
        "punching",
        "slaps",
        "slapped",
        "slapping",
        "kicks",
        "kicked",
        "kicking",
        "chokes",
        "choked",
        "choking",
        "strangles",
        "strangled",
        "strangling",
        "shoves",
        "shoved",
        "grabs",
        "grabbed",
        "hurts",
        "hurt",
        "hurting",
        "abuses",
        "abused",
        "abusing",
        "rapes",
        "raped",
        "raping",
        "molests",
        "molested",
        "molesting",
        "touches",
        "touched",
        "touching",
        "gropes",
        "groped",
        "forces",
        "forced",
        "threatens",
        "threatened",
        "threatening",
        "locks",
        "locked",
        "burns",
        "burned",
        "burnt",
        "throws things at",
        "threw (?:things|stuff|a \\w+) at",
        "screams at",
        "yells at",
        "bullies",
        "bullied",
        "bullying",
        "harasses",
        "harassed",
        "harassing",
        "stalks",
        "stalked",
        "stalking",
        "starves",
        "starved",
        "drugged",
        "spiked",
        "assaults",
        "assaulted",
        "sexually assaulted",
        "cornered",
        "pinned",
        "pins",
        "drags",
        "dragged",
        "spits on",
        "whips",
        "whipped",
        "smacks",
        "smacked",
        "blackmails",
        "blackmailed",
        "blackmailing",
        "beat the crap out of",
        "beats the crap out of",
        "belts",
        "belted",
        "pushes",
        "pushed",
        "bit",
        "bites",
        "scratched",
        "isolates",
        "isolated",
        "won?t stop (?:hitting|touching|following|texting|calling)",
        "keeps (?:hitting|touching)",
    ),
    "HARM_VERB": alt(
        "kill",
        "killing",
        "murder",
        "murdering",
        "stab",
        "stabbing",
        "shoot",
        "shooting",
        "strangle",
        "strangling",
        "choke",
        "choking",
        "poison",
        "poisoning",
        "hurt",
        "hurting",
        "beat",
        "beat up",
        "beating",
        "bash",
        "smash",
        "attack",
        "attacking",
        "punch",
        "punching",
        "run over",
        "burn",
        "torture",
        "slit",
        "snap",
        "break",
        "harm",
        "harming",
        "end",
        "destroy",
        "bury",
        "hunt down",
        "cut",
        "knife",
        "gut",
        "drown",
        "smother",
        "suffocate",
        "strangle",
        "shank",
        "blow up",
        "hit",
        "hitting",
        "slap",
        "slapping",
        "shake",
        "shaking",
        "smack",
        "smacking",
        "push",
        "pushing",
        "shove",
        "shoving",
        "merk",
        "murk",
        "smoke",
        "clap",
        "wet",
        "slump",
        "body",
        "pop",
        "cap",
        "torch",
        "torching",
        "jump",
        "jumping",
        "deck",
        "stomp",
        "curb stomp",
        "rob",
        "slash",
        "slashing",
    ),
    "TARGET": alt(
        "him",
        "her",
        "them",
        "you",
        "u",
        "ya",
        "everyone",
        "everybody",
        "somebody",
        "someone",
        "people",
        "all of them",
        "all of you",
        "those (?:people|kids|guys|bitches|bastards)",
        "the (?:teacher|kids|class|school|boss|neighbou?r|baby|guy|girl|manager|landlord|children|"
        "babies|students|pupils|patients|residents|"
        "bully|bullies|whole class|whole school|principal)",
        "(?:that|this) (?:guy|girl|man|woman|bitch|bastard|asshole|prick|teacher|kid|person|cunt|"
        "dude|fool|clown|mf|idiot|prick)",
        "my (?:\\w+ )?(?:dad|father|mom|mum|mother|stepdad|step dad|stepmom|brother|sister|"
        "boss|teacher|ex|wife|husband|partner|boyfriend|girlfriend|bf|gf|roommate|coworker|"
        "co worker|manager|neighbou?r|classmate|baby|son|daughter|kids?|family|parents|uncle|"
        "aunt|landlord|friend|cousin|bully|supervisor|coach|husband|neighbor)s?",
        "(?:his|her|their) (?:car|house|place|stuff|family|kids?|wife|husband|girlfriend|"
        "boyfriend)",
        "(?:his|her|their) (?:\\w+ )?(?:face|throat|neck|head)",
    ),
}

_NOT_TRIVIAL_AFTER_KILL = (
    r"(?! (?:time|it|the (?:vibe|mood|lights|engine|process|game|bug|spider|plant)s?)\b)"
)

_book = RuleBook("en", MACROS)
add = _book.add

# --- suicide: ideation --------------------------------------------------------------------
add(
    "ideation.want_to_die",
    URGENT,
    r"{WANT}(?: to| ta| 2)?{ADV} {DIE}",
    SUICIDE,
    "talks about wanting to die",
    hyperbole=True,
)
add(
    "ideation.wish_dead",
    URGENT,
    r"wish\w* (?:that )?(?:i|id|i had|i could|i would)(?: \w+){0,3} "
    r"(?:dead|never (?:been )?born|gone|not here|not alive|go away|die|disappear|"
    r"not exist|not wake up|wouldnt wake up|stop existing|cease to exist|fall asleep and)",
    SUICIDE,
    "wishes to be dead or never born",
)
add(
    "ideation.not_wake_up",
    URGENT,
    r"(?:hope|hoping|pray|praying|wish)(?: that)? (?:i )?(?:just |simply )?(?:dont|do not|never|"
    r"wont|will not|dont ever|wouldnt|dont get to) wake up",
    SUICIDE,
    "hopes not to wake up",
    negatable=False,
    escalates=False,
)
add(
    "ideation.dont_want_to_live",
    URGENT,
    r"(?:dont|do not|didnt|no longer|dont really|dont even|not sure i|dont think i|never)"
    r"(?: \w+){0,3} (?:want to|wana|wanna|wan to|want|wish to|care to) (?:live|(?:be|b) alive|"
    r"exist|"
    r"(?:be|b) here|wake up|go on|keep living|keep going|be around|continue|be on this earth|stay "
    r"alive|"
    r"survive|carry on|see tomorrow|see another day|do this anymore)",
    SUICIDE,
    "does not want to live",
    negatable=False,
)
add(
    "ideation.kill_myself",
    URGENT,
    r"{KILL}{ADV} ?{SELF}|kms|kys myself",
    SUICIDE,
    "talks about killing themself",
    hyperbole=True,
)
add(
    "ideation.unalive",
    URGENT,
    r"un ?aliv\w*(?: {SELF}| me)?|sewer ?slide|ctb|end {SELF}",
    SUICIDE,
    "uses slang for suicide",
    hyperbole=True,
)
add(
    "ideation.end_my_life",
    URGENT,
    r"(?:end|ending|ended|take|taking|took) (?:my|my own) life|end(?:ing)? it all|"
    r"end(?:ing)? everything|end(?:ing)? my (?:existence|suffering|misery)",
    SUICIDE,
    "talks about ending their life",
)
add(
    "ideation.suicidal",
    URGENT,
    r"(?:im|i am|i feel|feel|feeling|felt|been|being|get|getting|got|so|very|really|kinda|bit|"
    r"pretty|super|extremely|more|im still|still|always|constantly|actively|passively|"
    r"quite|increasingly) {SUIC}",
    SUICIDE,
    "says they feel suicidal",
)
add(
    "ideation.suicidal_thoughts",
    URGENT,
    r"{SUIC} (?:thoughts?|ideation|feelings?|urges?|plans?|intent|tendencies|mood|again)|"
    r"thoughts? (?:of|about) (?:{SUIC}|killing {SELF}|ending (?:it|my life|things)|dying|death|"
    r"not being (?:here|alive|around)|taking my (?:own )?life|ending it all)",
    SUICIDE,
    "has suicidal thoughts",
)
add(
    "ideation.thinking_about",
    URGENT,
    r"(?:think\w*|thought|contemplat\w+|consider\w*|obsess\w*|research\w*|"
    r"googl\w*|look\w* up|fantasi[sz]\w*|daydream\w*|dream\w*|talk\w*|post\w*|"
    r"(?:mind|head|brain|thoughts?) (?:goes|go|went|keeps going|drifts?|turns?|jumps?|"
    r"wanders?)(?: \w+){0,2}) (?:about |of |bout |abt |to |on )?"
    # "I think about simply not being here any more"
    r"(?:(?:just|simply|maybe|sometimes|often|quietly) )?"
    r"(?:{SUIC}|killing {SELF}|end\w* (?:it|it all|it al|my life|things|everything)|dying|death|"
    r"not being (?:here|alive|around)|taking my (?:own )?life|how to (?:die|kill {SELF}|end it)|"
    r"ways to (?:die|kill {SELF}|end it)|jumping|overdosing|hanging {SELF}|my (?:own )?death|"
    r"my (?:own )?funeral|disappearing forever|unaliv\w*|not waking up|not being alive|"
    r"how easy it would be|just ending it)",
    SUICIDE,
    "thinks about suicide or dying",
)
add(
    "ideation.taken",
    URGENT,
    r"(?:praying|pray|prayed|prays|begging|begged|asking|asked) (?:to god |god )?(?:to be taken|"
    r"(?:for god )?to take me(?: (?:home|away|in my sleep|now|tonight))?(?= *(?:$|[.!,]| in my "
    r"sleep| tonight| now| home| away)))|(?:ask|asking|asked|beg|begging|begged) god to take me",
    SUICIDE,
    "prays to die",
)
add(
    "ideation.better_off",
    URGENT,
    r"better off (?:dead|without me|if i (?:just |simply )?(?:was|were|wasnt|werent|died|"
    r"disappeared|was gone|"
    r"wasnt here|werent here|wasnt around|never existed|hadnt (?:come|been born|made it)|"
    r"had not (?:come|been born)|never came (?:home|back)|didnt (?:come|make it) (?:home|back)))|"
    r"(?:better|happier|easier|lighter|calmer|simpler|freer)(?: off)? "
    r"(?:without me|if i (?:was|were) (?:gone|dead|not here)|when im gone|if im gone)",
    SUICIDE,
    "thinks others are better off without them",
)
add(
    "ideation.burden",
    URGENT,
    r"(?:im|i am|i feel like|i feel|feel like|being|i have become|ive become|just|such|"
    r"nothing but|only) (?:a |such a |an? )?(?:huge |big |massive |total |constant )?burden|"
    r"burden (?:to|on|for) (?:everyone|everybody|my \w+|them|people|all|you)",
    SUICIDE,
    "feels like a burden",
)
add(
    "ideation.no_reason",
    URGENT,
    r"(?:no|nothing|zero|not a single|not one|dont have a|dont have any|cant find a|cant find any|"
    r"cant see a|cant see any|lost my) (?:reason|point|purpose|will|reasons)(?:s)? "
    r"(?:to|for|in) (?:live|living|life|being alive|going on|keep going|keep living|stay|"
    r"drive home|go home|come back|come home|get up|staying|be here|being here|wake up|waking up|"
    r"exist|existing|continue|carry on|try)|"
    r"nothing (?:left )?to live for|no will to live|lost the will to live|"
    r"(?:whats|what is|wheres) the point (?:of|in) (?:living|life|being alive|going on|existing|"
    r"anything|it all|trying|staying|me)|"
    r"(?:life|living|my life) (?:is not|isnt|aint|is no longer|not) worth (?:it|living)|"
    r"not worth (?:living|being alive|saving)",
    SUICIDE,
    "sees no reason to live",
    negatable=False,
)
add(
    "ideation.cant_go_on",
    URGENT,
    r"(?:cant|cannot|can not|cant keep|unable to|dont know how to|dont think i can|"
    r"dont know if i can|not sure i can|no longer able to|too tired to|cant bring myself to) "
    r"(?:go on|keep going|keep living|carry on|do this anymore|do this any more|do this no more|"
    r"take (?:it|this|this pain|the pain|much more) (?:anymore|any more|much longer|no more)|"
    r"live like this|keep doing this|keep fighting|survive this|hold on(?: any)? (?:much )?longer|"
    r"hold on anymore|be alive|exist like this|continue like this|cope anymore|cope any more)",
    SUICIDE,
    "says they cannot go on",
    negatable=False,
)
add(
    "ideation.tired_of_life",
    URGENT,
    r"(?:tired|tierd|tird|sick|exhausted|done|finished|over) (?:of|with) (?:living|being alive|"
    r"life|existing|"
    r"waking up|this life|my life|breathing|everything(?= *(?:$|[.!,]))|fighting|trying)|"
    r"(?:im|i am|im so) done(?: with (?:it all|everything|this))?(?= *(?:$|[.!]))|"
    r"give up on (?:life|living|myself|everything)|giving up on (?:life|living|everything)|"
    r"(?:want|wana|wanna|need|ready) (?:it|this|everything|the pain|life) (?:all )?to (?:end|stop|"
    r"be over)|"
    # (not "I want to stop overthinking", "want to stop feeling so on edge")
    r"(?:want|wana|wanna) it all to stop|(?:want|wana|wanna) to stop (?:being here|being alive|"
    r"existing|living|breathing|waking up)|(?:want|wana|wanna) to stop(?: everything| the pain| "
    r"feeling(?: anything| at all)?| existing| living| breathing)?(?= *(?:$|[.!,]))",
    SUICIDE,
    "is tired of living or wants everything to end",
)
add(
    "ideation.wont_be_around",
    URGENT,
    r"(?:wont|will not|not going to|not gonna|not gona|wont be|will not be) (?:be )?"
    r"(?:a problem|a burden|around|here|alive|a bother|your problem|bothering (?:you|anyone)|"
    r"in your way|anyones problem)(?: (?:for|to) \w+)? (?:much longer|for (?:much|very) long|for "
    r"long|anymore|"
    r"after (?:tonight|today|this|tomorrow)|next (?:week|year|month)|soon)|"
    r"(?:wont|will not|dont) have to (?:worry|deal|put up) (?:about|with) me "
    r"(?:much longer|anymore|for long|soon|after)|"
    r"not be around (?:much longer|for long|to see)|wont see (?:me|my) (?:again|anymore)|"
    r"(?:this|it|everything|the pain) (?:will|wil|ll|il|is going to|is gonna) (?:all )?be over "
    r"(?:soon|tonight|tomorrow)|(?:soon|tonight) (?:ill|il|i will) be (?:free|gone|at peace)|"
    r"see you (?:all )?(?:on the other side|in (?:another|the next) life)|"
    r"(?:wont|will not) (?:be here|be around|exist) (?:to|for) (?:see|long)",
    SUICIDE,
    "hints they will not be around much longer",
    negatable=False,
)
add(
    "ideation.nobody_would_miss",
    URGENT,
    r"(?:no one|nobody|noone|no body|none of them|who) (?:would|will|is going to|gonna|gona|even)"
    r"(?: \w+)? (?:miss me|notice|care|be sad) (?:if|when) i (?:die|died|was gone|were gone|"
    r"disappear|disappeared|was dead|were dead|killed myself|left|wasnt here|am gone|m gone)",
    SUICIDE,
    "believes nobody would miss them",
    negatable=False,
)
add(
    "ideation.want_to_disappear",
    URGENT,
    r"(?:want|wana|wanna|wish|need) (?:i could |to )?(?:just )?(?:disappear|vanish|fade away|"
    r"cease|not exist|stop existing|evaporate|be erased|never have existed)",
    SUICIDE,
    "wants to disappear or stop existing",
)
add(
    "ideation.join_dead",
    URGENT,
    r"(?:want|wana|wanna|wish|ready|need|going|gonna|long) (?:i could )?(?:to )?"
    r"(?:join|be with|see) (?:her|him|them|my \w+(?: \w+)?) (?:again |in heaven|up there|"
    r"on the other side|soon|in the afterlife|wherever)|"
    r"(?:want|wana|wanna|ready|going) to join (?:her|him|them|my \w+)(?= *(?:$|[.!,]))",
    SUICIDE,
    "wants to join someone who died",
)
add(
    "ideation.dead_inside_wish",
    CONCERN,
    r"(?:hopeless|no hope left|no way out|trapped with no way out|cant see a way out|"
    r"no future|dont see a future|dont see myself (?:living|being alive|here|making it)|"
    r"cant see myself (?:living|being alive|making it|getting old)|hate my life|hate being alive|"
    r"hate myself|worthless|want to give up|giving up|i give up|empty inside|numb|"
    r"dont care (?:if|whether) i (?:live|die|wake up)|wouldnt mind (?:dying|not waking up|if i "
    r"died)|"
    r"(?:if i died|if i die|if i was gone|if i disappeared)(?: \w+){0,4} (?:care|notice|matter))",
    SUICIDE,
    "sounds hopeless",
    negatable=True,
)
add(
    "ideation.dont_care_if_die",
    URGENT,
    r"(?:dont|do not|wouldnt|would not) (?:care|mind)(?: \w+){0,2} (?:if|whether) i "
    r"(?:live|die|died|wake up|dont wake up|didnt wake up|get hit|got hit|got run over|crash|"
    r"crashed|was gone|got sick|disappeared|wasnt here|never woke up)|"
    r"wouldnt mind (?:dying|not waking up|if i died|being dead|getting hit)|"
    r"(?:hope|hoping) (?:i )?(?:get hit by|crash|die in|something kills)",
    SUICIDE,
    "does not care whether they live",
    negatable=False,
)
add(
    "ideation.emoji",
    URGENT,
    r"(?:want|wana|wanna|ready|time|going|gona|wish|take me|me)(?: to| for)?(?: the)? "
    r"(?:\U0001faa6|\u26b0)",
    SUICIDE,
    "uses a grave or coffin emoji about themself",
)

# --- suicide: plan, means, time, attempt, goodbye (acute) --------------------------------
add(
    "acute.intent",
    ACUTE,
    r"{INTEND}(?: to| ta)?{ADV} (?:{KILL} {SELF}|kms|end (?:it|it all|my life|everything|things)|"
    r"take my (?:own )?life|do it|go through with it|jump|overdose|od|hang {SELF}|"
    r"(?:take|swallow|down) (?:all|the|my|every|a bottle|a bunch|a handful|the whole|enough)"
    r"(?: \w+){0,2} {PILLS}|shoot {SELF}|slit my (?:wrists?|throat)|"
    r"drive (?:off|into|my car)|step in front of|throw {SELF}|unalive {SELF}|"
    r"commit {SUIC}|say goodbye|end this)",
    SUICIDE,
    "says they intend to end their life",
    hyperbole=True,
)
add(
    "acute.plan",
    ACUTE,
    # (not "everyone seems to have a plan", "have a plan for the holidays")
    r"(?<!seems to )(?<!seem to )(?<!everyone has )"
    r"(?:i have|ive got|i got|ive made|made|i made|have|got|working on|wrote|writing) "
    r"(?:a|my|the) (?:plan|plans|method|way|date)(?: (?:to|for|of) (?:do it|end it|die|{SUIC}|"
    r"kill {SELF}|how))?(?! for (?:the|my|our) (?:holidays|weekend|summer|christmas|future|career|"
    r"exams?|move|trip|budget|week)|(?: \w+){0,2} so (?:im|i am|i dont) not)|"
    r"(?:picked|chose|chosen|set|decided on) (?:a|the) (?:date|day|time|place|method|spot|way)|"
    r"know (?:how|when|where) (?:im going|i will|i would|ill|il|i can|id|i want) "
    r"(?:to )?(?:do it|end it|die|kill {SELF})|"
    r"{SUIC} (?:plan|note|letter|method)|"
    r"(?:plan|planning|plans) (?:my|to commit|for my|out my) (?:{SUIC}|death|exit|ending)|"
    r"(?:researched|researching|looked up|looking up|googled|googling) "
    r"(?:how|ways|methods|the best way|painless ways|lethal doses?|how many)",
    SUICIDE,
    "describes a plan or method",
)
add(
    "acute.means",
    MODIFIER,
    r"(?:i have|ive got|i got|got|bought|buying|found|saved|saving|stockpiled|stockpiling|"
    r"collected|collecting|hoarded|hoarding|hiding|hid|hidden|ordered|keep|keeping|counted|"
    r"counting|got hold of|have access to|have|holding|loaded|sharpened|tied|bought a) "
    r"(?:up )?(?:a |the |some |enough |my |all my |all the |a bunch of |a lot of |"
    r"\d+ |(?:a )?(?:whole )?(?:bottle|pack|box|stash|handful) of )?"
    r"(?:{PILLS}|rope|noose|gun|guns|pistol|rifle|bullets|razor|razors|razor blades?|blades?|"
    r"knife|knives|poison|belt|charcoal|helium|cord|\U0001f52b|\U0001f52a)|"
    r"(?:rope|noose|gun|pills|pils) (?:is |are )?(?:ready|set up|tied|loaded|in my (?:hand|bag|"
    r"room|car)|"
    r"hidden|under my bed|in my drawer)|"
    r"(?:lethal|fatal|deadly) dose|how many {PILLS} (?:it takes|to die|would)|"
    r"(?:going|go|heading|head|walking|driving|drive|went) (?:up )?to the (?:bridge|tracks|cliffs?|"
    r"roof|rooftop|river|train tracks|railway|top of)",
    "",
    "mentions a means",
)
add(
    "acute.place",
    MODIFIER,
    r"(?:the|a|this|that) (?:bridge|ledge|roof|rooftop|cliff|train tracks|tracks|railway|overpass)"
    r"|(?:high|tall) (?:enough|building)",
    "",
    "mentions a place",
)
add(
    "acute.time",
    MODIFIER,
    r"tonight|tonite|2night|this (?:weekend|evening|friday|saturday|sunday|afternoon)|"
    r"tomorrow(?: night| morning)?|after (?:everyone|everybody|they|my (?:\w+ )?(?:parents|family|"
    r"wife|husband|roommates?|kids|mom|dad))(?: \w+)? (?:asleep|goes to sleep|go to sleep|leave|"
    r"leaves|left|gone|goes out|go out|goes to bed|go to bed)|"
    r"when (?:everyone|everybody|they|my (?:\w+ )?(?:parents|family|roommates?)) (?:is |are |s |re "
    r")?"
    r"(?:asleep|sleeping|gone|out|in bed)|on my birthday|at midnight|in an hour|in a few hours|"
    r"before (?:morning|sunrise|the weekend)|(?:its|it is|this is) (?:time|the night|the day)|"
    r"(?:by|before) (?:friday|monday|tomorrow|the end of (?:the|this) (?:week|month))|"
    r"on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday) (?:morning|night|evening)",
    "",
    "mentions a time",
)
add(
    "acute.rehearsal",
    MODIFIER,
    r"(?:practiced|practised|practicing|rehearsed|rehearsing|tested|tried out|tried on|"
    r"test run|dry run)|stood (?:on|at) (?:the|a) (?:edge|ledge|bridge|roof|tracks)|"
    r"(?:held|holding|put|pressed) (?:the |a |my )?(?:knife|blade|gun|rope|razor)s? "
    r"(?:to|against|on|around) my|(?:wrote|written|writing|finished|left) (?:a |my )?(?:note|notes|"
    r"letters|will)|(?:gave|giving|give) away|said (?:my )?goodbyes?|"
    r"(?:sorted|organized|organised|put) (?:out )?(?:my|all my) (?:affairs|things|stuff|accounts|"
    r"passwords)(?: in order)?",
    "",
    "mentions preparations",
)
add(
    "acute.attempt_now",
    ACUTE,
    r"(?:just |already |i |ive )?(?:took|taken|swallowed|downed|chugged|ate|have taken|ive taken) "
    r"(?:all|every|a|the|my|some|too many|way too many|lots of|loads of|a lot of|a bunch of|"
    r"a handful of|a whole|the whole|half|\d+|twenty|thirty|fifty|so many|way too)"
    r"(?: \w+){0,3} {PILLS}|"
    r"(?:i |ive |i just |just )(?:overdosed|od(?:ed|d)?|cut (?:my wrists?|too deep|deep)|"
    r"slit my wrists?|jumped|hanged {SELF})|"
    r"(?:im |i am )?(?:standing|sitting|stood|on|at) (?:on |at )?(?:the |a )?"
    r"(?:edge|ledge|bridge|roof|rooftop|tracks|train tracks|cliff)(?: \w+){0,3} (?:now|rn|right "
    r"now|"
    r"ready|about to|want to jump|to jump|jumping)|"
    r"(?:rope|noose|belt|cord) (?:is |around|round) (?:around |round )?my neck|"
    r"(?:gun|pistol|knife|blade|razor) (?:is |in my hand|to my (?:head|throat|wrist|chest|temple))|"
    r"(?:bleeding|blood) (?:wont|will not|doesnt|isnt|is not|cant) (?:stop|stopping)|"
    r"cant stop the bleeding|cut too deep|(?:starting to|beginning to) (?:feel|get) (?:sleepy|"
    r"dizzy|"
    r"numb) from the {PILLS}|the {PILLS} (?:are )?(?:kicking in|starting to work)",
    SUICIDE,
    "describes a suicide attempt happening now",
)
add(
    "acute.attempted",
    ACUTE,
    r"(?:tried|try|trying|attempted|attempting|attempt|tryed) (?:to )?(?:{KILL} {SELF}|"
    r"end (?:it|it all|my life|things|everything)|take my (?:own )?life|overdose|od|hang {SELF}|"
    r"jump|{SUIC}|drown {SELF}|die|unalive)|"
    r"(?:my|a|last|first|second|third|another) (?:{SUIC} )?attempt(?! at)"
    r"(?! (?:was|is) (?:a mess|rubbish|terrible|awful|ok|okay|not bad|better|wonky|burnt))|"
    r"(?:i |ive )(?:attempted|attempted {SUIC})(?! to)|survived (?:my|an|the) attempt|"
    r"(?:i |ive |i just )(?:overdosed|od(?:ed|d))",
    SUICIDE,
    "describes a suicide attempt",
    past=True,
)
add(
    "ideation.lie_down_road",
    URGENT,
    r"(?:lie|lying|lay|laying) down (?:in|on) (?:the |a )?(?:road|motorway|highway|freeway|"
    r"middle of the road)",
    SUICIDE,
    "talks about lying down in the road",
    hyperbole=True,
)
add(
    "acute.never_again",
    ACUTE,
    # "you'll never have to deal with me again", "nobody will have to worry about me again"
    r"(?:you|yous|yall|you all|nobody|no one|noone|everyone|they|u)(?:l|ll| will| wont)? (?:never |"
    r"not )?(?:have to|need to|gotta) (?:deal with|worry about|put up with|look after|take care "
    r"of|hear from|see) me (?:again|ever again|anymore|any more|much longer)",
    SUICIDE,
    "says others will never have to deal with them again",
)
add(
    "acute.goodbye",
    ACUTE,
    r"(?:this is|its|here is|heres|consider this) (?:my )?(?:goodbye|good bye|farewell|last "
    r"(?:message|post|text|note|words|time|entry|entery|update|journal)(?! (?:sounded|was|i sent|"
    r"seemed|came|about))|final (?:message|post|"
    r"words|goodbye|entry))|(?:goodby|goodbye|bye)(?= *$)|"
    r"(?:my |a )?(?:goodbye|good bye|farewell|final|last|{SUIC}) (?:note|letter|letters|message|"
    # not the last message one sent: "sorry if my last note sounded worrying"
    r"messages|video|post|text|words)(?! (?:sounded|seemed|came across|was about|i sent|to you))|"
    r"(?:goodbye|bye|farewell)(?: \w+)? (?:forever|everyone|world|cruel world|for good|"
    r"for the last time|all of you|my friends)|"
    r"(?:by the time|when) (?:you|anyone|someone|they|you all) (?:read|reads|see|sees|find|"
    r"finds|get|gets) (?:this|me)|"
    r"(?:take care of|look after|feed|love) (?:my (?:\w+ )?(?:cat|dog|kids|children|plants|"
    r"pets?|sister|brother|mom|mum|family)|them|her|him) (?:for me |when im gone|after im gone|"
    r"once im gone)|when im (?:gone|dead|not here)|after im (?:gone|dead)|once im (?:gone|dead)|"
    r"(?:wrote|writing|written|left|leaving) (?:letters?|notes?|goodbyes?|messages) "
    r"(?:to|for) (?:everyone|my (?:family|kids|parents|mom|mum|dad|friends|sister|brother|wife|"
    r"husband|partner))|"
    r"(?:im sorry for everything|forgive me)(?: \w+){0,6} (?:goodbye|bye|love you all|i love you)|"
    r"(?:i love you all|love you all)(?: \w+){0,3} (?:goodbye|bye|im sorry|forever)|"
    r"thank you for everything(?: \w+){0,4} (?:goodbye|bye)|"
    r"last time (?:youll|you will|anyone will) (?:hear|see) (?:from )?me|"
    r"(?:wanted|want|just wanted) to say (?:goodbye|bye|thank you for everything)",
    SUICIDE,
    "writes a goodbye or final message",
)
add(
    "acute.giving_away",
    ACUTE,
    r"(?:giving|gave|give|given|gifting|gifted|handing out|handed out|donating|donated) "
    r"(?:away )?(?:all |most |some |a lot )?(?:of )?(?:my|all my) (?:\w+ )?(?:stuff|things|"
    r"belongings|possessions|clothes|games|books|guitar|jewelry|jewellery|pets?|cat|dog|"
    r"savings|money|collection|console|art|plants|shoes|bike|car|stuff away|things away)|"
    r"(?:giving|gave|give|given) (?:it|them|everything) away(?: \w+){0,3} (?:wont|will not|dont|"
    r"need)|(?:wont|will not|dont) need (?:them|it|my \w+|any of (?:this|it|my stuff)) "
    r"(?:anymore|any more|where im going|much longer)|"
    r"(?:made|wrote|writing|making|updated|finished) (?:my|a) will|"
    r"(?:deleting|deleted|delete) (?:all )?(?:my|all my) (?:accounts|social media|photos|posts)",
    SUICIDE,
    "is giving things away or putting affairs in order",
)

# --- self-harm ----------------------------------------------------------------------------
_SH_VERB = alt(
    "cut",
    "cuts",
    "cutting",
    "cuting",
    "cuttin",
    "burn",
    "burns",
    "burning",
    "burned",
    "burnt",
    "buring",
    "burnin",
    "slam",
    "slammed",
    "slamming",
    "scratch",
    "scratches",
    "scratching",
    "scratched",
    "hurt",
    "hurts",
    "hurting",
    "harm",
    "harms",
    "harming",
    "harmed",
    "hit",
    "hits",
    "hitting",
    "punch",
    "punches",
    "punching",
    "punched",
    "bang",
    "banging",
    "banged",
    "slap",
    "slapping",
    "slapped",
    "bite",
    "biting",
    "bit",
    "carve",
    "carving",
    "carved",
    "stab",
    "stabbing",
    "stabbed",
    "starve",
    "starving",
    "starved",
    "pinch",
    "pinching",
    "bruise",
    "bruising",
    "beat",
    "beating",
    "choke",
    "choking",
    "strangle",
    "strangling",
    "mutilate",
    "mutilating",
    "injure",
    "injuring",
    "injured",
    "punish",
    "punishing",
    "punished",
    "torture",
    "torturing",
    "skin",
    "pick at",
    "picking at",
    "gouge",
    "gouging",
    "smash",
    "smashing",
    "tear",
    "tearing",
    "rip",
    "ripping",
    "pierce",
    "piercing",
    "claw",
    "clawing",
    "whip",
    "whipping",
)
_BODY = alt(
    "arms?",
    "wrists?",
    "legs?",
    "thighs?",
    "skin",
    "stomach",
    "belly",
    "hips?",
    "body",
    "head",
    "face",
    "hands?",
    "fists?",
    "ankles?",
    "chest",
    "forearms?",
    "shoulders?",
    "fingers?",
    "knuckles?",
    "scalp",
    "lips?",
    "nails?",
)
add(
    "self_harm.verb_myself",
    URGENT,
    rf"{_SH_VERB}(?: {{SELF}}| {{OTHERSELF}}| my (?:own )?{_BODY}| into my (?:own )?{_BODY})"
    r"(?! (?:shaving|cooking|chopping|by accident|accidentally|on (?:the|a) \w+|while|with the "
    r"(?:iron|oven|stove|pan|kettle)|making|playing|at (?:work|the gym)|in the kitchen|"
    r"slipping|tripping|falling|lifting|running|training|working out|when i fell))",
    SELF_HARM,
    "talks about hurting themself",
)
add(
    "self_harm.self_harm",
    URGENT,
    r"self ?(?:harm|harming|harmed|harms|injury|injure|injuring|injured|mutilation|mutilate|"
    r"mutilating|destruct\w*|punish\w*)|sh(?= (?:again|urges?|relapse|scars?|wounds?|cuts?|"
    r"marks|streak|tools?|kit|blades?)\b)|nssi",
    SELF_HARM,
    "talks about self-harm",
)
add(
    "self_harm.sh_slang",
    URGENT,
    r"(?:relapse\w*|urges? to|urge|wanna|wana|want to|tempted to|did|do|doing|started|been "
    r"doing|stop|stopped|keep|clean from|relapsed on|into|about) sh(?= *(?:$|[.,!?]|again| "
    r"tonight| today| last| so|\U0001fa78))",
    SELF_HARM,
    "uses slang for self-harm",
)
add(
    "self_harm.urge_to",
    URGENT,
    r"(?:urges?|urging|temptation|craving|cravings|impulses?) (?:to |for )?(?:cut|burn|scratch|"
    r"bleed|hurt myself|harm myself|hit myself|punish myself|relapse|sh|self harm|starve myself)",
    SELF_HARM,
    "has urges to self-harm",
)
add(
    "self_harm.urge",
    URGENT,
    r"(?:urges?|urging|temptation|tempted|craving|cravings|itch|need|want|wana|wanna|going|gonna|"
    r"gona|ready|about|planning|desire|impulse|impulses) (?:to |for )?(?:cut|burn|scratch|"
    r"bleed|hurt myself|harm myself|hit myself|punish myself|feel pain|see blood|carve|"
    r"relapse|sh|self harm|starve myself|use (?:the |a |my )?(?:blade|razor|lighter))"
    r"(?= *(?:$|[.,!?]|again|so bad|so badly|tonight|today|right now|rn|deep|deeper|myself|"
    r"my|\U0001fa78| and| but| because| cause))",
    SELF_HARM,
    "has urges to self-harm",
)
add(
    "self_harm.relapse",
    URGENT,
    r"relapse[ds]?(?:d)?(?: \w+){0,8} (?:cut|cutting|cuts|blade|blades|razor|sh|self harm|burn|"
    r"burning|scars?|lighter)|"
    r"(?:cut|cutting|cuts|blade|razor|sh|self harm|burning)(?: \w+){0,8} relapse[ds]?|"
    r"(?:broke|broken|lost|ruined|reset) (?:my |a )?(?:\w+ )?(?:clean |sh )?streak|"
    r"(?:started|starting|begun|began) (?:cutting|burning|scratching|hurting myself|harming myself|"
    r"self harming|sh) again|(?:cutting|cut|burning|burned|scratching|hurting myself|self "
    r"harming|harming myself) again",
    SELF_HARM,
    "describes relapsing into self-harm",
)
add(
    "self_harm.fresh_wounds",
    URGENT,
    r"(?:fresh|new|open|deep|bleeding|infected) (?:cuts|cut|scars|wounds|burns|marks|gashes)|"
    r"(?:hide|hiding|hid|cover|covering|covered) (?:up )?(?:my |the )?(?:cuts|scars|wounds|burns|"
    r"marks|arms|wrists|thighs)(?: \w+){0,3}(?: with| from| so| under| in)?|"
    r"(?:wear|wearing) (?:long sleeves|hoodies|sweaters)(?: \w+){0,4} (?:hide|cover|so no one|so "
    r"nobody)|(?:blade|blades|razor|razors|lighter|scissors|knife|compass|glass|sharpener) "
    r"(?:on|to|against|into|across|over) my (?:skin|arms?|wrists?|thighs?|legs?|stomach|body)|"
    r"(?:took|take|taking) (?:apart|the blade out of) (?:a |my )?(?:pencil )?sharpener|"
    r"(?:cutting|cut|burning|hurting myself|harming myself|hit myself) (?:is|was) the only "
    r"(?:thing|way)|(?:deserve|deserves) (?:to be hurt|to hurt|to suffer|to feel pain|to bleed|"
    r"to be punished|the pain|pain)|"
    r"(?:starving|starve|not eating|skip meals|skipping meals|throwing up|purging)(?: \w+){0,3} "
    r"(?:to punish|as (?:a )?punishment|because i deserve)|\U0001fa78",
    SELF_HARM,
    "describes self-harm wounds or punishment",
)

# --- harm to others -----------------------------------------------------------------------
add(
    "harm.intent",
    URGENT,
    r"(?:want to|wanna|wana|going to|gonna|gona|will|il|ima|imma|plan to|planning to|ready to|"
    r"about to|thinking about|thinking of|think about|fantasi[sz]e about|fantasi[sz]ing about|"
    r"dream about|dreaming about|urges? to|urge to|scared i will|scared il|scared i might|"
    r"afraid i will|afraid il|afraid i might|could|might|swear i will|swear il|feel like|"
    r"gotta|need to|have to|tempted to|intrusive thoughts about|thoughts about|thoughts of|"
    r"im gonna|i will|i am going to|cant stop thinking about|keep thinking about|"
    r"imagine|imagining|picture|picturing|thinking|thought|wan to|wan|visuali[sz]\w*|close to|so "
    r"close to|almost|nearly|"
    r"came close to|id|i would|would|finna|bout to|tryna|boutta|gon|gunna|gonna go|"
    r"lose it and|snap and|end up)"
    # "I'd never hurt my kids", "I would not hurt a fly": the opener denied at once
    r"(?! (?:never|not|no)(?!\w))(?: \w+){0,5}"
    r" (?:{HARM_VERB}(?:ing)?) {TARGET}"
    + _NOT_TRIVIAL_AFTER_KILL
    + r"(?! (?:with kindness|off guard|to it|in (?:a|the) (?:game|match|argument|debate)|at "
    r"(?:chess|fifa|cards|\w+ games?)))",
    HARM_TO_OTHERS,
    "talks about harming someone",
    hyperbole=True,
)
add(
    "harm.weapon",
    ACUTE,
    r"(?:bring|bringing|brought|take|taking|took|carry|carrying|got|get|buying|bought|have|"
    r"loaded|load) (?:a |my |the |my dads |my \w+s )?(?:gun|guns|rifle|pistol|knife|knives|"
    r"weapon|weapons|bomb|shotgun|ak|ar|machete) (?:to|into|in) (?:school|class|work|the office|"
    r"church|the party|campus)|shoot up (?:the |my |this )?(?:school|office|work|place|class|"
    r"mall|church|campus|party)|(?:school|mass) shooting (?:tomorrow|on monday|next week)|"
    r"(?:they|he|she|everyone|you|all of them|all of you) (?:will|wil|ll|il|are going to|is going "
    r"to|gonna|gona|are gonna|is gonna) (?:all )?(?:pay|regret it|be sorry|die|bleed|get what "
    r"(?:they|he|she) deserves?)(?! (?:for (?:this|that|it)? ?(?:in (?:karma|court)))|(?: the "
    r"bill))",
    HARM_TO_OTHERS,
    "threatens violence against others",
    person="self",
)
add(
    "harm.make_suffer",
    URGENT,
    r"(?:make|see|watch) (?:him|her|them|you|everyone|my \w+) (?:pay|suffer|bleed|hurt|die|dead)|"
    r"(?:want|wana|wanna|wish|hope) (?:him|her|them|my \w+) (?:dead|to die|would die)|"
    r"(?:fantasi[sz]e|fantasi[sz]ing|dream|dreaming|think|thinking) about (?:killing|hurting|"
    r"stabbing|shooting|strangling|torturing) (?:people|someone|him|her|them)|"
    r"(?:hurt|harm|kill) (?:my|the) baby|(?:ill|il|i will|gonna|going to) get (?:my )?revenge|"
    r"(?:rage|anger) (?:is )?(?:so bad|scares me)(?: \w+){0,4} (?:hurt|kill|harm) (?:someone|"
    r"somebody|him|her)|(?:afraid|scared|worried|terrified) (?:i|that i) (?:will|might|could|am "
    r"going to|ll|il) (?:hurt|harm|kill|snap and hurt|lose it and hurt) (?:someone|somebody|him|"
    r"her|"
    r"them|my (?:\w+ )?(?:kids?|baby|son|daughter|wife|husband|partner|family|mom|dad))",
    HARM_TO_OTHERS,
    "talks about wanting others to suffer or die",
    hyperbole=True,
)

# --- abuse and being unsafe ---------------------------------------------------------------
add(
    "abuse.agent_hurts_me",
    URGENT,
    r"{AGENT}(?: \w+){0,3} {ABUSE_VERB}(?: \w+)? me(?! (?:off|up|out|laugh|smile|happy|"
    r"feel better|a (?:present|gift)|think|realize))",
    ABUSE,
    "says someone hurts or threatens them",
    person="self",
)
add(
    "abuse.passive",
    URGENT,
    r"(?:i|im|i am|ive been|i was|i get|i got|been|being|got|get|getting|was|keep getting|"
    r"i keep getting)(?: \w+)? (?:hit|beaten|beat up|raped|molested|abused|assaulted|sexually "
    r"assaulted|choked|strangled|groped|stalked|kicked out|thrown out|locked (?:in|out|up)|"
    r"trafficked|drugged|bullied|harassed|attacked|punched|slapped|roofied|spiked|blackmailed|"
    r"threatened|touched inappropriately|forced (?:to have sex|into sex|to do things)|"
    r"pushed (?:down|against|into)|held down|pinned down)"
    r"(?! by (?:a |the )?(?:car|ball|bus|bike|truck|wave|door|branch|flu|cold|virus|allergies|"
    r"traffic|deadline)s?)(?! (?:of|from) (?:the (?:class|team|game|bar|club|group|chat|server)|"
    r"class|school|practice))",
    ABUSE,
    "says they are being hurt, abused or threatened",
)
add(
    "abuse.scared_home",
    URGENT,
    r"(?:scared|afraid|terrified|frightened|dont want|do not want|dread|dreading|too scared|"
    r"fear|cant) (?:to |of )?(?:go|going|come|coming|return|returning|be|being|get|getting) "
    r"(?:back )?home|"
    r"(?:not|dont feel|never feel|dont|do not feel|never) safe (?:at home|at my house|in my (?:own "
    r")?"
    r"(?:house|home|room)|with (?:him|her|them|my \w+)|around (?:him|her|them|my \w+)|"
    r"anymore|any more|here)|(?:im|i am|i feel|feel|feeling) (?:so )?unsafe|"
    r"(?:scared|afraid|terrified|frightened) (?:of|for my life) (?:him|her|them|my \w+(?: \w+)?)|"
    r"(?:scared|afraid|terrified) (?:for my life|(?:he|she|they) (?:will|ll|is going to|might) "
    r"(?:hurt|kill|hit|find) me)|"
    r"(?:hiding|hid|locked myself) (?:in|from) (?:my room|the bathroom|him|her|them|the closet)"
    r"(?!(?: \w+){0,3} (?:to cry|to breathe|feeling|for a (?:minute|bit|few)|for \w+ minutes))",
    ABUSE,
    "is scared to be at home or feels unsafe",
    person="self",
)
add(
    "abuse.no_place",
    URGENT,
    r"(?:have|got|with) (?:nowhere|no where|no place|noplace) (?:to go|to sleep|to stay|safe|to "
    r"live)"
    r"|(?:sleeping|slept|sleep|living) (?:in my car|on the streets?|outside|on a bench|in a park|"
    r"rough)|(?:kicked|threw|thrown|kick|throw|kicks|throws)(?: \w+)? me out|"
    r"(?:kicked|thrown) out of (?:the |my )?(?:house|home|apartment|flat)|im homeless|"
    r"(?:became|become|am) homeless",
    ABUSE,
    "has been thrown out or has nowhere safe to stay",
    person="self",
)
add(
    "abuse.threats",
    URGENT,
    r"{AGENT}(?: \w+){0,2} (?:said|says|say|told me|swore|swears|threatens?|threatened|"
    r"keeps saying|promised|will|ll|is going to|are going to|gonna|wants to|tried to)"
    r"(?: that)?(?: (?:he|she|they))?(?:d|ll| would| will| is going to| are going to| gonna)? "
    r"(?:kill|hurt|beat|hit|shoot|stab|find|strangle|choke|rape|end) me|"
    r"threaten\w* (?:me )?(?:to|with) (?:kill|hurt|beat|take (?:the|my) (?:kids|children|baby)|"
    r"post|share|send|leak|out me|report me|kick me out|throw me out|a knife|a gun)|"
    r"(?:death|rape) threats?",
    ABUSE,
    "says they have been threatened",
    person="self",
)
add(
    "abuse.control",
    URGENT,
    r"{AGENT}(?: \w+){0,3} (?:takes?|took|controls?|checks?|reads?|tracks?|monitors?|keeps?|"
    r"went through|goes through|holds|has) (?:all )?(?:of )?(?:my|the|our) (?:money|paycheck|pay|"
    r"wages|"
    r"phone|messages|texts|location|bank|card|cards|passport|id|keys|accounts?|documents|papers)|"
    r"(?:wont|doesnt|dont|will not|does not|do not|never) (?:let|allow) me (?:to )?(?:leave|go out|"
    r"go anywhere|see|talk to|have|use|eat|sleep|call|work|get a job|out of (?:the|his|her) sight|"
    r"have friends|wear|speak)|"
    r"(?:tracks|tracking|tracked|monitors|checks) my (?:location|phone|messages)|"
    r"(?:isolat\w+) me from",
    ABUSE,
    "describes controlling behaviour",
    person="self",
)
add(
    "abuse.sexual",
    URGENT,
    r"(?:touched|touches|touching|groped|gropes|grabbed|fondled|fondles) me|"
    r"(?:made|makes|forced|forces|pressured|pressures|pressuring|forcing|tricked) me "
    r"(?:to |into )?(?:touch|do (?:sexual|stuff|things)|watch|have sex|sex|undress|send (?:pics|"
    r"nudes|photos|pictures)|sleep with|kiss|perform|give him|take my clothes off|things i didnt)|"
    r"(?:sexual(?:ly)?) (?:abused|assaulted|harassed|abuse|assault)|(?:raped|molested) me|"
    r"(?:comes|came|sneaks|snuck) into my (?:room|bed) at night|"
    r"(?:without|against) my (?:consent|will)",
    ABUSE,
    "describes sexual abuse or assault",
    person="self",
)
add(
    "abuse.stalking",
    URGENT,
    r"{AGENT}(?: \w+){0,2} (?:keeps|is|has been|wont stop|won?t stop|keep|are|been) "
    r"(?:following|stalking|watching|texting|calling|messaging|showing up|waiting outside|"
    r"turning up|contacting)(?: \w+){0,3} (?:me|my)|showed up (?:at|outside) my (?:house|home|work|"
    r"school|door|job|apartment|flat)|(?:is|s) (?:outside|at the door|banging on (?:the|my) door|"
    r"trying to (?:get|break) in|breaking in)|restraining order|"
    r"(?:being|im being|i am being|feel like im being) (?:followed|watched|stalked)",
    ABUSE,
    "says someone is following or stalking them",
    person="self",
)
add(
    "abuse.household",
    URGENT,
    r"{AGENT}(?: \w+){0,2} (?:hits|beats|chokes|hurts|abuses|punches|slaps|kicks|strangles|"
    r"threatens|hit|beat|choked|hurt|abused|punched|slapped|kicked|strangled|threatened) "
    r"(?:my (?:\w+ )?(?:mom|mum|mother|dad|father|siblings?|brothers?|sisters?|kids|children|"
    r"baby|son|daughter)|us)",
    ABUSE,
    "describes violence at home",
    person="self",
)
add(
    "abuse.bruises",
    URGENT,
    # whose bruises they are is read from the sentence: "my mum has bruises she won't explain"
    # is worry about someone else
    r"(?:bruises|marks|black eye|welts|burns) (?:from|because of|he|she|they|that (?:he|she|"
    r"they)|my \w+ (?:gave|left))",
    ABUSE,
    "describes violence at home",
)

# --- indirect and less common phrasings -------------------------------------------------
add(
    "idiom.said_meant",
    IDIOM,
    # "when I said I can't do this anymore I meant the job", "I say 'I want to die' whenever
    # I'm embarrassed"; petty grievances; a holiday; a goodbye before a trip
    r"when i (?:said|say|wrote|write|posted|typed)[^.!?]{0,60}(?:i meant|i mean|i was talking "
    r"about|i was joking|it was about)|i say [^.!?]{3,40} (?:whenever|every time) i|"
    r"could (?:literally |honestly )?(?:kill|strangle|murder) (?:him|her|them|my \w+)[,.] (?:he|"
    r"she|they) (?:left|ate|took|forgot|finished|broke|used|didnt|keeps|always)|"
    r"(?:disappear|vanish) (?:to|for|on) (?:a|the|two|three|\d+|my) (?:\w+ )?(?:beach|island|"
    r"cabin|weeks?|days?|weekend|month|holiday|vacation|trip)|"
    r"murder (?:this|that|a|the|my) (?:\w+ )?(?:pizza|burger|plate|buffet|sandwich|steak|"
    r"tacos?|curry|kebab)|(?:strangle|kill|murder|squeeze) (?:him|her|them|you) with (?:love|"
    r"kindness|kisses|hugs)|spoil (?:it|the \w+)[^.!?]{0,20}(?:end|kill|murder) you|"
    r"(?:last message|bye forever|goodbye (?:everyone|all))[^.!?]{0,80}(?:see (?:you|ya|u)(?: "
    r"all)? (?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|soon|"
    r"next week|after)|for the (?:weekend|retreat|week|holidays?)|no wifi)",
)
add(
    "ideation.not_wanting",
    URGENT,
    # "thoughts about not wanting to be alive", "a relief to just not be here anymore"
    r"(?:thoughts?|thinking|thought) (?:about|of) (?:not (?:wanting to (?:be alive|live|exist|be "
    r"here|wake up)|being (?:alive|here)|existing|waking up)|wanting to (?:die|be dead))|"
    r"not wanting to (?:be alive|exist|wake up|live anymore|be here anymore)|"
    r"(?:would|could|d|will) be (?:a relief|easier|nicer|peaceful|better) (?:to|if i) (?:just |"
    r"simply )?(?:not (?:be here|exist|wake up|be alive)|die|was dead|were dead|disappeared|"
    r"didnt wake up|wasnt here|werent here)|want out,? (?:of )?(?:my|this) life|"
    r"want out\W+of (?:my|this) life",
    SUICIDE,
    "does not want to be alive",
    negatable=False,
)
add(
    "ideation.should_have_died",
    URGENT,
    # "I should have died with the city", "I don't plan on being around for next season"
    r"(?:i )?(?:should have|shouldve|should of) died(?! (?:laughing|of (?:embarrassment|shame|"
    r"laughter)))|(?:dont|do not) plan on (?:being (?:around|here|alive)|living)",
    SUICIDE,
    "does not want to be alive",
    negatable=False,
)
add(
    "harm.armed_at",
    ACUTE,
    # "tomorrow I'm showing up at the job site con la pistola"
    r"(?:show|showing|shows|turn|turning|go|going) up at (?:the |his |her |their |my )?"
    r"(?:\w+ ){0,2}(?:site|office|school|work|house|place|church|shop|store) (?:with|con) "
    r"(?:a |la |my |el |mi )?(?:gun|pistol|pistola|rifle|knife|cuchillo|machete|shotgun)",
    HARM_TO_OTHERS,
    "talks about harming someone",
)
add(
    "idiom.makes_you",
    IDIOM,
    # generic "you": "the claim paperwork makes you want to jump off a cliff"
    r"makes? (?:you|one|anyone|a person|people) (?:\w+ )?want to (?:\w+ ){0,2}(?:die|jump|kill|"
    r"end|scream|cry|disappear|throw)",
)
add(
    "ideation.cant_anymore",
    URGENT,
    # a whole message that only says it: "can't anymore", "i cant do this anymore."
    r"^\W*(?:i )?(?:cant|cannot|can not) (?:do (?:this|it) )?(?:anymore|any more)\W*$",
    SUICIDE,
    "says they cannot go on",
)
add(
    "acute.bridge_goodbye",
    ACUTE,
    # a bridge and a goodbye: "✌️🌉 sorry everyone", "🌉 tonight. bye 👋"
    r"\U0001f309[^.!?]{0,20}(?:[.!?] ?)?(?:bye|chau|adios|goodbye|sorry everyone|perdon|"
    r"\U0001f44b)|(?:\u270c\ufe0f?|\U0001f44b) ?\U0001f309",
    SUICIDE,
    "says goodbye",
    negatable=False,
    person="self",
)
add(
    "acute.made_attempt",
    ACUTE,
    # "I made an attempt back in 2016" (not "an attempt at baking")
    r"made (?:an|another|a suicide|my first|my second|my last|a serious) attempt(?! (?:at|to|on|"
    r"with))",
    SUICIDE,
    "talks about a suicide attempt",
    past=True,
)
add(
    "self_harm.hidden",
    URGENT,
    # hiding where: "on my legs this time so nobody sees in PE"
    r"(?:on|in) my (?:legs|thighs|hips|stomach|upper arms?|ankles?) (?:\w+ ){0,2}so (?:nobody|no "
    r"one|noone|people dont|they dont|my \w+ doesnt|my \w+ wont) (?:sees?|notices?|can see|will "
    r"see|finds? out)",
    SELF_HARM,
    "hides self-harm",
)
add(
    "ideation.death_appeals",
    URGENT,
    r"(?:dying|death|being dead|not existing|not being here|ending it|{SUIC}|not waking up|"
    r"never waking up|not being alive|the big sleep) (?:is|seems|feels|sounds|would be|looks|"
    r"is starting to (?:feel|look|seem)|starts to (?:feel|look|seem))(?: \w+){0,3} "
    r"(?:easier|better|like (?:a|the) (?:relief|answer|solution|way out|only way|only option|"
    r"best option)|peaceful|appealing|tempting|nice|good|great|like an option|the only|a relief|"
    r"\U0001f44d)|(?:not waking up|never waking up|not being alive|not existing|being dead|"
    r"dying|death) \U0001f44d",
    SUICIDE,
    "finds death appealing",
)
add(
    "ideation.if_i_died",
    URGENT,
    r"if i (?:died|die|was gone|were gone|disappeared|didnt wake up|never woke up|was dead|"
    r"were dead)(?: \w+){0,6} (?:relieved|relief|fine|better off|better|okay|ok|a good thing|"
    r"wouldnt mind|peace|peaceful|nobody|no one|noone|who would|would anyone|would they)",
    SUICIDE,
    "imagines relief at dying",
)
add(
    "ideation.hope_taken",
    URGENT,
    r"(?:hope|hoping|pray|praying|wish|wishing)(?: \w+){0,7} (?:takes me|take me|crash(?:es)?|"
    r"goes wrong|go wrong|fails|doesnt work|i dont survive|dont survive|goes down|go down|"
    r"doesnt stop|doesnt brake|hits me|hit me|kills me|runs me over|"
    r"i die|i dont make it|i never wake|i dont wake|ends it|i get hit|i get sick and die|"
    r"something happens to me|a bus hits me|i dont come back)|god (?:takes|take|will take) me",
    SUICIDE,
    "hopes something will end their life",
    negatable=False,
)
add(
    "ideation.no_future",
    URGENT,
    r"(?:cant|cannot|can not|dont|never) (?:picture|see|imagine|envision) (?:myself )?"
    r"(?:being alive|living|making it|alive|getting old|being here|growing old|a future|"
    r"myself (?:at|in|being|alive|living|old)|turning \d+|at \d+)|"
    r"(?:stopped|stop|quit|no point|no point in|dont bother|not bothering|gave up) "
    r"(?:making|make|planning|plan) (?:any )?(?:plans|for the future|ahead)|"
    r"(?:disappointed|upset|sad|annoyed|angry|pissed|gutted|devastated)(?: \w+){0,2} "
    r"(?:that |when |to )?i (?:woke|wake|still wake|keep waking) up|"
    r"(?:disappointed|sad|upset) to (?:wake up|still be (?:here|alive))|"
    r"(?:wondering|wonder|not sure|question\w*|doubt\w*|dont know) (?:if|whether) "
    r"(?:its|it is|life is|living is|i should|i want to|i can|i will|ill)(?: \w+){0,2} "
    r"(?:worth|keep going|go on|continu\w+|carry on|stay|be here|live|make it)",
    SUICIDE,
    "sees no future",
)
add(
    "ideation.only_way_out",
    URGENT,
    r"(?:is|as|like|seems like|looks like|feels like) (?:the|my) only (?:way out|option|"
    r"solution|answer|escape|exit|way to (?:stop|end|escape))|"
    r"(?:how|so|would be|it would be|it d be|itd be) easy(?: it would be)?(?: \w+){0,4} "
    r"(?:to )?(?:jump|step|fall|let go|end it|swerve|drive off|crash|drown|just go|lean)|"
    r"one (?:small |little )?step (?:forward|off|over|and)|"
    r"(?:river|bridge|tracks|train|traffic|cliff|ledge|roof|balcony|window|water|motorway|"
    r"highway|platform)(?: \w+){0,8} (?:would be (?:so )?(?:easy|quiet|peaceful|calm|nice)|how "
    r"easy|end it|ending it|"
    r"jump|step in|step out|lean|let go|pull me|calling me)",
    SUICIDE,
    "thinks about an easy way out",
)
add(
    "ideation.out_of_picture",
    URGENT,
    r"(?:if|once|when) (?:im|i am|i was|i were|im not|i wasnt|i werent) (?:not |no longer )?"
    r"(?:around|here|gone|alive|in the picture)(?! (?:for|to take|at|this|next|tomorrow|on))|"
    r"out of the picture|not around to (?:see|watch|ruin|mess|bother)|"
    r"(?:dont|wont|no need to|you dont have to|you wont have to) (?:\w+ )?worry about me "
    r"(?:after|anymore|any more|much longer|soon|for long)|"
    r"(?:wont|will not|no longer|never) be (?:anyones|your|their|everyones|a|the|his|her) "
    r"(?:problem|burden|worry|disappointment)|"
    r"(?:if|in case|when) (?:something|anything) (?:happens|happened|were to happen) to me|"
    r"(?:after|once|when) (?:this|the end of (?:this|the)) (?:month|week|weekend)(?: \w+){0,4} "
    r"(?:sorted|over|done|taken care of)|"
    r"(?:no more|last) (?:journal|entries|entry|entery|messages|appointments|sessions|check ins?)"
    r"(?: after| from| for me)",
    SUICIDE,
    "hints they will not be around",
)
add(
    "ideation.funeral",
    URGENT,
    r"my (?:own )?(?:funeral|eulogy|obituary|headstone|gravestone|grave|epitaph)|"
    r"(?:planned|planning|plan|wrote|writing) (?:my |the )?(?:funeral|eulogy|obituary)|"
    r"(?:life )?insurance (?:money|payout|pays? out|would pay|policy pays)|"
    r"(?:saying|said|say|started saying) (?:my )?goodbyes? (?:to|in)|"
    r"(?:checking|check|clocking|tapping|logging|signing) (?:out|off)(?: tonight| today| now)? "
    r"(?:for good|permanently|"
    r"early|of (?:life|this life)|forever)|im checking out(?= *(?:$|[.!]))",
    SUICIDE,
    "talks about their own funeral or goodbyes",
)
add(
    "acute.means_at_hand",
    ACUTE,
    r"(?:{PILLS}|rope|noose|gun|pistol|rifle|revolver|blade|razor|knife|belt|cord)s?"
    r"(?: \w+){0,3} (?:in my (?:hand|hands|lap|pocket|mouth|room|bag|car|drawer)|on (?:the|my) "
    r"(?:table|desk|bed|"
    r"counter|nightstand|lap)|out on|lined up|counted out|all counted|ready|in front of me|"
    r"loaded|tied|hung|set up)|(?:gun|pistol|rifle|revolver) (?:in|on) my (?:lap|hand|mouth|head)|"
    r"(?:bought|got|have|found|ordered) (?:a |the |some )?(?:rope|noose|helium|charcoal)|"
    r"(?:im |i am |im now |now )?(?:at|on|by) the (?:tracks|train tracks|railway|bridge|cliffs?|"
    r"edge|ledge|roof|rooftop|river|overpass|top of (?:the|my) \w+)(?= *(?:$|[.!,]| now| rn| "
    r"again))|"
    r"(?:parked|standing|sitting|stood|waiting|stand|sat) (?:up )?(?:at|on|by|near|over) "
    r"(?:the |a )?(?:edge|ledge|bridge|roof|rooftop|tracks|train tracks|cliffs?|platform edge|"
    r"river|overpass|top of|roof of)|(?:\U0001f309|\U0001f682|\U0001f686)(?: \S+){0,2} "
    r"(?:here|now|rn)|(?:\U0001f48a ?){2,}|"
    r"(?:got|have|saved|stockpiled|collected) enough(?: \w+){0,2}(?= *(?:$|[.!,]| to| for))|"
    r"(?:dont|wont|will not) need (?:the|my) (?:\w+ )?(?:prescription|meds|refill|pills)"
    r"(?: \w+)? (?:anymore|any more|after)",
    SUICIDE,
    "has the means at hand",
)
add(
    "acute.the_night",
    ACUTE,
    r"(?:tonight|today|tomorrow|friday|saturday|sunday|monday|tuesday|wednesday|thursday|"
    r"this weekend)(?:s| is) (?:the|my) (?:night|day)|"
    r"(?:decided on|picked|chose|set) (?:a |the )?(?:friday|saturday|sunday|monday|tuesday|"
    r"wednesday|thursday|tonight|tomorrow|a date|the date|the day|the time|a day)|"
    r"(?:cant|wont) be (?:talked out of (?:it|this)|stopped (?:this time|now|tonight))|"
    r"talked out of it|"
    r"(?:already|just) (?:started|did it|done it)(?:,? \w+){0,4} no (?:going|turning) back|"
    r"i (?:took|swallowed|took all of) them(?= *(?:$|[.!]))|"
    r"made (?:up )?my (?:decision|mind)(?! to (?:stay|leave|quit|go|move|apply|study|try))|"
    r"waiting (?:for|until) (?:dark|nightfall|everyone (?:to|is)|them to)|"
    r"(?:finally|at last|soon) (?:ill |i will |i can )?(?:rest|be at peace|be free|sleep forever)"
    r"(?= *(?:$|[.!]))|"
    r"(?:notes?|letters?) (?:are |is )?(?:written|done|ready|finished|on the)|"
    r"(?:wrote|written|writing|finished|left) (?:the|my|a|some|all the|all my) "
    r"(?:note|notes|letters?|goodbye)(?! (?:to|for) (?:my )?(?:teacher|boss|landlord|school|work))|"
    r"(?:put|putting|got|have|get|getting|sorted|sorting) (?:out )?(?:my|all my) (?:affairs|"
    r"things|papers|finances) (?:in order|sorted)|sorted out who gets what|who gets what|"
    r"(?:wrote down|sent|gave|left|shared)(?: \w+){0,4} (?:all )?(?:my )?passwords?|"
    r"(?:leaving|left|leave) (?:the )?(?:front )?door unlocked|(?:nobody|no one|noone) "
    r"(?:has|have|will have|needs) to break (?:it|the door|in)|"
    r"(?:tell|told) (?:\w+ ){0,2}(?:that )?i loved (?:him|her|them|you)|"
    r"(?:wont|will not) (?:be able to|get to|get the chance to) (?:tell|see|say)|"
    r"said (?:my )?goodbyes?|(?:said|saying) (?:thank you|sorry|goodbye)(?: and (?:thank you|"
    r"sorry|goodbye))? to everyone|thank you for trying(?: with me)?|you (?:really )?tried "
    r"(?:with me|your best|so hard)|or any (?:other )?(?:appointment|session)s?|"
    r"(?:this is|its|it is) (?:it|the end)(?= *(?:$|[.!]))|"
    r"(?:swallowed|took|downed|taken|chugged|drank|ate) (?:everything|all|the whole|whatever|"
    r"every|them all|it all)(?: \w+){0,4} (?:cabinet|pills|pils|meds|bottle|pack|box|tablets|"
    r"medicine|left|i had|i could find|i found)|took them all|"
    r"(?:swallowed|took|drank|ate|taken|injected) (?:\w+ )?(?:on purpose|deliberately|to "
    r"(?:die|end it|not wake up))|(?:taking|take) them all",
    SUICIDE,
    "describes a final step, a set time or an attempt",
)
add(
    "acute.giving_pets",
    ACUTE,
    r"(?:gave|given|giving|give|rehomed|rehoming) (?:away )?(?:the|my|our) (?:dog|cat|pets?|"
    r"puppy|kitten|bird|fish|rabbit|hamster|plants)(?: \w+)? (?:to|away)|"
    r"(?:can|could|should|will|gets? to|get to) (?:have|keep) (?:all )?my (?:stuff|things|clothes|"
    r"games|books|guitar|jewelry|jewellery|plants|cat|dog|records|console|bike|car|shoes|"
    r"collection)|(?:take|keep|have) my (?:\w+)(?: \w+)?(?:,|\.)? (?:permanently|for good|forever)|"
    r"(?:somewhere|someone) (?:to go|to look after|to take care of)(?: \w+){0,3} (?:if|when) "
    r"(?:something|anything|i)",
    SUICIDE,
    "is giving things away",
)
add(
    "ideation.emoji_alone",
    URGENT,
    r"(?:\U0001faa6|\u26b0)|\U0001f52b ?(?:\U0001f635|\U0001f480|\U0001f92f)|"
    r"(?:me|i|im)(?: \w+){0,2}:? ?\U0001f52b",
    SUICIDE,
    "uses a grave, coffin or gun emoji about themself",
)
add(
    "serious.marker",
    "serious",
    r"not (?:even |really )?(?:joking|kidding)|no joke|im serious|(?:actually|really) "
    r"means? it|for real|fr fr|deadass|not a joke|not the meme kind|seriously|i mean it|"
    r"no es broma|no estoy bromeando|no es chiste|no es joda|no (?:lo )?digo en broma|en serio|"
    r"de verdad|actually i|genuinely|srsly|not jk|"
    r"im being serious",
)
add(
    "self_harm.on_purpose",
    URGENT,
    r"(?:\w+ed|hit|cut|burnt|bit|slammed|skipped|punched|smashed|banged|scratched|burned|"
    r"ripped|tore|stuck)(?: \w+){0,5} (?:on purpose|deliberately|intentionally)|"
    r"(?:as|for) (?:a )?punishment|to punish (?:myself|me)|"
    r"until (?:i (?:bleed|bled)|it (?:bleeds|bled|bruised|stings)|(?:my|the) \w+ (?:split|bled|"
    r"bleed|bruised|broke)|blood|there was blood)",
    SELF_HARM,
    "hurts themself on purpose",
)
add(
    "self_harm.blades",
    URGENT,
    r"(?:hid|hide|hiding|have|got|bought|keep|keeping|found|took out|holding|stare at|staring "
    r"at|looking at|sharpened|clean|cleaned) (?:the |my |a |some |new |a new )?(?:blades?|"
    r"razor blades?|sharpener blades?)|(?:blade|blades|razor|razors|lighter|knife)s? (?:is|are|"
    r"keeps|keep) calling (?:me|my name|to me)|"
    r"(?:picking|pick|picked|reopen\w*|open\w* up|tear\w* open|tore open) (?:at )?(?:the |my )?"
    r"(?:cuts|scabs|wounds|scars|burns)|so (?:they|it) (?:dont|doesnt|wont|cant) heal|"
    r"(?:long sleeves|hoodies?|sweaters?|jumpers?|bracelets|bandages?|plasters|band ?aids|gauze)"
    r"(?:[.,!]? \w+){0,4}[.,!]? (?:again|in (?:the )?summer|in this heat|in (?:june|july|august)|"
    r"for reasons|to hide|so no one|"
    r"so nobody|"
    r"(?:you )?know (?:exactly )?why)|(?:need|want|have) to feel (?:pain|the pain|physical pain|"
    r"the sting|it sting)|"
    r"(?:calms? me|helps|makes me feel (?:better|calm|real|something|alive))(?: \w+){0,4} "
    r"(?:when it (?:stings|bleeds|burns)|the pain|pain|blood|bleeding|cutting|burning)|"
    r"when it (?:stings|bleeds)|clean\w* (?:up )?(?:the )?blood|(?:hide|hid|hiding) the blood|"
    r"(?:it was|it wasnt|blamed it on|said it was|was not|wasnt) the cat|cat scratch\w*|"
    r"(?:story|excuse|lie|lied|lying) (?:about|for|to explain) (?:the |my )?(?:marks|scars|cuts|"
    r"burns)|barcod\w*|(?:hit|went to|reached|to the|down to) (?:beans|styro|fat|the fat)|"
    r"styro|shd|sh ed|shing(?= (?:again|tonight|today))|"
    r"(?:clean|sh|self harm) streak(?: \w+){0,3} (?:back to|reset|gone|over|broken|ended|0)|"
    r"relapse\w*(?: \S+){0,4} (?:day )?(?:0|zero)|back to (?:day )?(?:0|zero)(?: days)?(?= *(?:$|"
    r"[.!,]))|"
    r"(?:\U0001f52a|\U0001fa78|\U0001fa79)(?: ?\S+){0,3} ?(?:otra vez|again|de nuevo|day 0|dia 0)",
    SELF_HARM,
    "describes self-harm indirectly",
)
add(
    "harm.more",
    URGENT,
    r"(?:waiting|sitting|parked|watching|standing) (?:outside|near|by) (?:his|her|their|my "
    r"ex\w*) (?:house|work|place|flat|apartment|school|office|job|building)|"
    r"(?:found out|find out|i know|know|found) where (?:he|she|they|the \w+|that \w+)"
    r"(?: \w+){0,6} lives?|(?:found out|find out|i know|know) (?:which|what) (?:church|gym|school|"
    r"bar|pub|club|office|park) (?:he|she|they|the \w+|that \w+)(?: \w+){0,2} (?:goes|go|works|"
    r"drinks|trains|attends) (?:to|at|in)|"
    r"(?:taking|take|bring|drag) (?:him|her|them|you|everyone) (?:down )?with me|"
    r"voices? (?:\w+ ){0,3}(?:tell|telling|told|tells|say|saying|want) me to (?:hurt|kill|harm|"
    r"stab|attack) (?!myself|me)\w+|"
    r"(?:thoughts?|urges?|fantasies|attracted|attraction|fantasi[sz]e) (?:about|of|to|towards) "
    r"(?:touching )?(?:children|kids|minors|a child|little (?:kids|girls|boys)|young (?:kids|"
    r"girls|boys))|"
    r"(?:he|she|they|you)(?:ll| will)? (?:wont|will not|never) see (?:me|it) coming|"
    r"(?:is going to|gonna|will|might|could) have (?:an|a little|an unfortunate) accident|"
    r"(?<!\bi )(?<!\bim )(?<!\bwe )(?:is|are|will|ll|gonna|going to|is going to|are going to|"
    r"is gonna|are gonna) (?:all )?(?:pay|regret (?:it|this|that|what \w+ did))"
    r"(?= *(?:$|[.!,]|for (?:it|this|that|what)| on \w+| tomorrow| tonight| soon| when| one day))|"
    r"(?:watching|tracking|following|learned|know|memori[sz]ed) (?:his|her|their) "
    r"(?:routine|schedule|movements)|know when (?:hes|shes|he is|she is|theyre) (?:alone|home "
    r"alone|by (?:him|her)self)|(?:made|making|have|got) a (?:hit |kill )?list(?: \w+){0,6} "
    r"(?:wronged|hurt|bullied|deserve)|hit list|kill list|catch a body|"
    r"(?:he|she)(?:s| is)? (?:not|aint) (?:walking|gonna walk) away|pull(?:ing)? up on (?:him|her|"
    r"them|that \w+|this \w+)|"
    r"(?:put|putting|slip|slipping|add|adding) (?:something|stuff|bleach|poison)(?: \w+)? (?:in|"
    r"into) "
    r"(?:his|her|their) (?:food|drink|coffee|tea)|"
    r"(?:i |ive )(?:hit|slapped|punched|choked|shoved|pushed|kicked|beat|strangled|shook|smacked) "
    r"my (?:girlfriend|boyfriend|wife|husband|partner|kids?|son|daughter|baby|child|gf|bf|mom|"
    r"mum|dad)|(?:\U0001f52a|\U0001f52b|\U0001f4a3)(?: \S+){0,2} (?:for|para) (?:him|her|them|el|"
    r"ella|ellos)|(?:him|her|them|el|ella|you)\s?\U0001f449?\s?(?:\U0001f52a|\U0001f52b)|"
    r"(?:with|and) (?:a|my|the) (?:knife|gun|bat|machete|crowbar|hammer)(?: \w+){0,3} "
    r"(?:waiting|for him|for her|for them)|(?:torch|torching|set fire to|slash|slashing|key|"
    r"keying) "
    r"(?:his|her|their) (?:car|house|tyres|tires)",
    HARM_TO_OTHERS,
    "talks about harming someone",
    person="self",
)
add(
    "abuse.control",
    URGENT,
    # coercive control: "he just decides what I eat, who I see and how much money I have"
    r"(?:decides|decided|controls|controlled|picks|chooses|chose|tells me|dictates)(?: \w+){0,2} "
    r"(?:what i (?:eat|wear|spend|can eat|can wear|can spend)|who i (?:see|can see|talk to|"
    r"can talk to|am allowed)|how much (?:money )?i (?:have|get|can spend|spend)|"
    r"where i (?:go|can go))",
    ABUSE,
    "describes being controlled",
)
add(
    "abuse.more",
    URGENT,
    r"(?:take|taking|took) (?:the|my|our) (?:kids|children|baby|son|daughter)(?: \w+){0,6} "
    r"(?:never see|if i)|(?:takes?|took|steals?|stole|stealing) (?:\w+ )?money from (?:me|my "
    r"(?:purse|wallet|account|bag|pension))|(?:shouts?|shouting|screams?|screaming) at me|"
    r"(?:steals?|stole) (?:from me|my (?:money|pension|benefits))|"
    r"if i (?:dont|do not|wont|refuse to) (?:sleep with|have sex with|go out with|send|do what)|"
    r"(?:make|makes|force|forcing|forces|send|sending|sends)(?: \w+){0,4} (?:to )?(?:get married|"
    r"marry)|"
    r"threaten\w* (?:me |to )(?:\w+ ){0,2}(?:me|my)|(?:doing|did|does|do) (?:things|stuff) to me|"
    # "I said no but he kept going" (not "said no to all three and she said 'good'")
    r"(?:said|told (?:him|her|them)) no(?: \w+){0,4} (?:but (?:he|she|they)|and (?:he|she|they) "
    r"(?:still|kept|did|didnt|did not|carried|went|forced|made|wouldnt|would not|just|"
    r"grabbed|hit|laughed))|"
    r"if i (?:ever )?(?:tell|told) (?:anyone|anybody|my \w+(?: \w+)?|someone|the police|a teacher)|"
    r"(?:dont|not to|never) tell (?:anyone|anybody|your mom|your mum)|our (?:little )?secret|"
    r"(?:coach|teacher|tutor|pastor|priest|older guy|adult|stepdad|uncle|boss|manager)(?: "
    r"\w+){0,3} "
    r"(?:keeps )?(?:sending|sends|sent|asking|asks|asked) me (?:for )?(?:messages|pics|photos|"
    r"nudes|pictures|to keep|to meet|to send)|"
    r"(?:punched|hit|smashed|kicked) (?:the )?(?:wall|door|table)(?: \w+){0,4} (?:next to|near|"
    r"beside|by) (?:my|me)|next one(?:s| is) (?:for me|my face|me|going to be me)|"
    r"walking on eggshells|i pay for it|(?:he|she|they) (?:gets|get) (?:angry|mad|violent)"
    r"(?: \w+){0,4} (?:i pay|hurt|hit)|(?:tyres|tires) (?:are |were )?slashed|slashed my "
    r"(?:tyres|tires)|(?:staying|sleeping|slept|living) in (?:my|the) car|"
    r"cant (?:go|come) (?:back )?(?:there|home)|sleeping at (?:my )?(?:mates|friends)|"
    r"(?:shoved|pushed|slammed|threw|choked|slapped|punched|kicked|hit|dragged) me (?:into|against|"
    r"onto|to|down|across|off|out)|walked into a (?:door|wall|cupboard)|"
    r"(?:wont|doesnt|dont|will not|does not) (?:let|allow) me (?:to )?(?:lea?ve|go|see|have|use)|"
    r"(?:took|takes|take|smashed|broke) my (?:phone|fone|keys|passport|car keys)|"
    r"(?:bruises|black eye|marks) again|comes? into my (?:room|bed)|"
    r"(?:smashing|breaking|throwing|destroying) (?:things|stuff|everything|plates)|"
    r"(?:bf|gf|boyfriend|girlfriend|husband|wife|stepdad|stepmom|partner)(?: \w+){0,6} "
    r"(?:shoved|pushed|hit|slapped|punched|choked|kicked|grabbed|strangled) me",
    ABUSE,
    "describes being hurt, threatened or controlled",
    person="self",
)

add(
    "self_harm.did_it",
    URGENT,
    r"i (?:cut|sh|burned|burnt|scratched)(?= (?:again|for the first time|tonight|today|last night|"
    r"this morning|deep|deeper))",
    SELF_HARM,
    "says they self-harmed",
)
add(
    "ideation.wont_need",
    URGENT,
    r"(?:dont think|doubt) (?:ill|il|i will|i ll) (?:need|be needing|be using|be around|be here|"
    r"make it)|(?:looked|looking|look|searched|searching|googled|googling|research\w*|read\w*) "
    r"(?:up )?(?:how|ways|methods)(?: (?:people|to|you|one))? (?:end|kill|take|die|overdose|hang)",
    SUICIDE,
    "hints they will not be around, or searches for ways to die",
)

add(
    "self_harm.did_it",
    URGENT,
    r"i (?:cut|sh|burned|burnt|scratched)(?= (?:again|for the first time|tonight|today|last night|"
    r"this morning|deep|deeper))",
    SELF_HARM,
    "says they self-harmed",
)
add(
    "ideation.wont_need",
    URGENT,
    r"(?:dont think|doubt) (?:ill|il|i will|i ll) (?:need|be needing|be using|be around|be here|"
    r"make it)|(?:looked|looking|look|searched|searching|googled|googling|research\w*|read\w*) "
    r"(?:up )?(?:how|ways|methods)(?: (?:people|to|you|one))? (?:end|kill|take|die|overdose|hang)",
    SUICIDE,
    "hints they will not be around, or searches for ways to die",
)

# --- other voices: formal letters, older adults, teen texting, terse lines --------------
add(
    "ideation.formal",
    URGENT,
    r"(?:no longer|do not|dont|have no|have lost (?:the|all|any)|lost (?:the|all|any)) "
    r"(?:wish|desire|will|intention|interest|reason|strength) to (?:live|go on|continue|carry on|"
    r"be alive|remain|exist|keep living|keep going|fight|stay)|"
    r"(?:weary|tired|exhausted|sick|worn out|fed up|done) (?:of|with) (?:life|living|this life|"
    r"being alive|existing|this world|the world|it all|this existence|breathing)|"
    r"(?:welcome|would welcome|embrace|look forward to|long for|yearn for|pray for|ready for|"
    r"await|waiting for|wish for|hoping for) (?:death|the end|my (?:own )?death|dying|eternal "
    r"(?:rest|sleep)|the grave|the afterlife|a way out|my last breath)|"
    r"(?:lord|god|jesus|heaven)(?: \w+){0,4} (?:take me|call me home|bring me home|let me go|"
    r"end (?:this|it|my suffering)|take me away)|(?:ready|want|wish|time) to (?:go|be) (?:home|"
    r"with) "
    r"(?:the lord|god|jesus|my (?:late )?\w+ (?:in heaven|again|up there))|"
    r"(?:ive|i have) (?:lived|had) (?:long )?enough|my time (?:is|has) (?:up|come)|"
    r"(?:see|find) (?:little|no) (?:purpose|point|sense|meaning) in (?:carrying on|going on|living|"
    r"continuing|life|being here|waking up)|"
    r"(?:decided|resolved|determined|chosen|made the decision) to (?:end|take) (?:my|my own) life|"
    r"(?:end|ending|take|taking) (?:my|my own) life|(?:contemplat\w+|consider\w+) (?:ending|"
    r"taking) "
    r"(?:my|my own) life|life (?:has become|is) (?:unbearable|too much to bear|a burden|pointless|"
    r"meaningless|not worth)",
    SUICIDE,
    "says they no longer wish to live",
)
add(
    "ideation.teen",
    URGENT,
    r"(?:dip|leave|log off|logout|log out|peace out|check out|exit|bounce|yeet myself)"
    r"(?: (?:this|the) (?:world|life|planet|earth))? (?:permanently|forever|for good|for real "
    r"this time)|yeet (?:myself|me) (?:off|into|in front)|"
    r"(?:jump|jumping|yeet|throw myself) (?:off|from) (?:a|the|my|this) (?:bridge|building|roof|"
    r"cliff|balcony|window|overpass|parking garage|tower)|"
    r"(?:walk|step|jump|throw myself|run|drive) (?:in|into|in front of) (?:traffic|the river|the "
    r"ocean|"
    r"the sea|the lake|a (?:train|bus|car|truck|lorry))|"
    r"(?:deserve|deserves) to die|(?:dont|do not|didnt) deserve to (?:live|be alive|exist|be here|"
    r"be born)|(?:should|should just|better) (?:just )?(?:die|kill myself|kms|disappear|not exist|"
    r"end it)|(?:should|shouldnt) (?:not )?(?:have been|be) (?:born|alive)|"
    r"waste of (?:space|air|oxygen|life)|(?:permanent|final) (?:solution|sleep|escape|way out|exit|"
    r"goodbye)|make (?:it|the pain|everything|it all) stop (?:for good|forever|permanently)|"
    r"(?:end|ending|ended) (?:this|the) (?:pain|suffering|misery|nightmare) (?:for good|forever|"
    r"permanently|once and for all)|(?:cant|dont) wait to die|(?:ready|want|wanna|wana) to go"
    r"(?= *(?:$|[.!]))|(?:im|i am|so) ready to (?:go|die|be gone)|"
    r"(?:could|should|might|will|gonna|wanna) (?:just )?(?:swerve|drive off|crash (?:my|the) car|"
    r"step off|let go of the (?:railing|rail|edge))",
    SUICIDE,
    "talks about wanting to die",
)
add(
    "ideation.implied",
    URGENT,
    r"(?:no one|nobody|noone) (?:would|will|is going to) (?:even )?(?:miss|notice|care|cry)|"
    r"(?:no one|nobody|noone) needs me|nothing (?:left )?(?:to|worth) (?:live|living) for|"
    r"(?:everyone|everybody|the world|my family|my kids|they|you all|yall)(?: \w+){0,3} "
    r"(?:better|happier|fine|okay|ok|relieved|free) (?:without me|when im gone|once im gone|"
    r"if i (?:was|were|wasnt|werent|die|died))|"
    r"(?:im|i am|i feel) (?:just )?(?:a waste|worthless|useless|pointless) (?:and|so)(?: \w+){0,4} "
    r"(?:die|dead|gone|disappear|end)|"
    r"(?:can|could) (?:not|no longer) (?:see|find) (?:a|any) (?:way|reason|point) (?:out|forward|"
    r"to (?:live|go on|continue))|"
    r"(?:tired|exhausted|sick) of (?:fighting|trying|pretending|being me|waking up)",
    SUICIDE,
    "feels nobody needs them or life is not worth it",
)
add(
    "acute.formal",
    ACUTE,
    r"(?:my|the) (?:affairs|will|papers|accounts|finances|documents) (?:are|is) (?:in order|sorted|"
    r"ready|arranged|taken care of|settled)|"
    r"(?:tonight|today|tomorrow|this (?:evening|weekend)|soon|at last) (?:i will|ill|il|im going "
    r"to|"
    r"i am going to|im gonna|i shall) (?:end|finish|do|go through with) (?:it|this|everything|"
    r"things)|(?:i will|ill|il|i shall|im going to|im gonna) (?:do|end) it (?:tonight|today|"
    r"tomorrow|this weekend|soon|when|after|before)|"
    r"(?:forgive|forgiv\w*) me(?: \w+){0,6} (?:for what|for leaving|for doing|for this|i have to|"
    r"i had to|theres no other way)|(?:dont|do not) blame yourselves|(?:its|it is) not your fault"
    r"(?: \w+){0,4} (?:i chose|i decided|my choice|my decision)|"
    r"(?:when|after|once) you (?:find|read|get) (?:this|my (?:note|letter|message))|"
    r"(?:these are|this is) my (?:last|final) (?:words|wishes|request)|"
    r"(?:my|the) (?:last|final) (?:wish|request) is|(?:please )?(?:tell|let) (?:everyone|my (?:\w+ "
    r")?"
    r"(?:family|kids|children|mom|mum|dad|parents|wife|husband|son|daughter))(?: that)? i (?:am|m|"
    r"was) sorry|"
    r"(?:ending|end|do|doing) it (?:tn|tonite|2nite|rn|now)|(?:its|it is) (?:happening|time) "
    r"(?:tonight|tn|now|today)|(?:cya|see ya|goodbye|bye) (?:on the other side|in the next life|"
    r"forever)|(?:won?t|will not) (?:make it|be here|be around|be alive) (?:to|until|til|till|by) "
    r"(?:morning|tomorrow|the weekend|monday|friday|new year|christmas|my birthday)",
    SUICIDE,
    "says they will act soon or leaves final words",
    negatable=False,
)
add(
    "self_harm.more",
    URGENT,
    r"(?:cutting|burning|scratching|hitting myself|punching myself|biting myself|starving|purging|"
    r"carving|bruising myself|hurting myself|harming myself) (?:again|every (?:day|night)|tonight|"
    r"to cope|to feel|so i|when i|because i|until)|"
    r"(?:bleed|bleeding|bled) (?:on purpose|to feel|so i can|because i need)|"
    r"(?:carved|carving|etched|scratched) (?:\w+ )?(?:into|on) my (?:skin|arm|wrist|thigh|leg|"
    r"stomach)|"
    r"(?:new|fresh|more) (?:scars|cuts|burns|marks|wounds) (?:on|again|today)|"
    r"(?:hurt|harm|cut|burn|hit|punch) myself (?:on purpose|again|to cope|so i|because|when|every)|"
    r"(?:only|best) (?:way|thing)(?: \w+){0,4} (?:cope|feel|calm|numb|release)(?: \w+){0,4} "
    r"(?:cut|cutting|hurt|hurting|burn|burning|pain|blood|bleed)|"
    r"(?:hiding|hide|hid|hidden) (?:my |the )?(?:razor|razors|blade|blades|lighter|scars|cuts|"
    r"wounds|burns|bruises)|(?:sh|self harm|cutting) (?:urges|relapse|again|tonight)|"
    r"(?:pulled|pulling|pull|ripping|ripped) (?:out )?my (?:hair|eyelashes|skin|nails) (?:out )?"
    r"(?:until|til|till|again|to)|(?:keep|kept) (?:picking|scratching|biting|hitting|burning) "
    r"(?:at )?(?:my|myself)",
    SELF_HARM,
    "talks about hurting themself",
)
add(
    "harm.more2",
    URGENT,
    r"(?:make|get) (?:him|her|them) (?:back|pay|bleed|regret it)|"
    r"(?:end|ruin|destroy|finish|wreck) (?:him|her|them)(?= *(?:$|[.!,]| tonight| tomorrow| for "
    r"good| when| if))|(?:wring|snap|break|crush) (?:his|her|their) (?:\w+ )?(?:neck|arms?|legs?|"
    r"skull|face|jaw)|(?:he|she|they) (?:deserve|deserves) to (?:die|suffer|be hurt|bleed|be "
    r"dead)|(?:scared|afraid|worried|terrified) (?:of )?(?:what )?i (?:might|will|could|would) do "
    r"to (?:him|her|them|my \w+|someone|somebody|the baby|the kids)|"
    r"intrusive thoughts? (?:of|about) (?:hurting|harming|killing|drowning|stabbing|shaking|"
    r"smothering)|(?:shake|shaking|shook|smother|smothering|drown|drowning) (?:the|my) (?:baby|"
    r"newborn|toddler|kid|son|daughter)|(?:lose|losing|lost) (?:it|control|my temper) (?:with|and "
    r"(?:hurt|hit|shake|slap)) (?:the |my )?(?:kids?|baby|son|daughter|children|wife|husband|"
    r"partner)|(?:kill|hurt|stab|shoot|strangle) (?:everyone|everybody|people|them all|all of "
    r"them) "
    r"(?:at|in) (?:school|work|class|the office)|(?:blow up|bomb|shoot up|burn down) (?:the|my|"
    r"this) "
    r"(?:school|office|building|house|place|church|class)|"
    r"(?:i(?:ll| will)|im gonna|im going to|ima|imma) (?:fucking |fkn )?(?:end|kill|murder|stab|"
    r"shoot|bury|destroy|hurt) (?:him|her|them|you|u|that \w+|this \w+)",
    HARM_TO_OTHERS,
    "talks about harming someone",
    person="self",
)
add(
    "abuse.more2",
    URGENT,
    r"(?:afraid|scared|terrified|frightened) of (?:my )?(?:husband|wife|partner|boyfriend|"
    r"girlfriend|dad|father|mom|mum|mother|stepdad|stepmom|stepfather|son|daughter|carer|"
    r"caregiver|grandson|nephew|brother|uncle|ex|landlord|pimp)|"
    r"(?:my|the) (?:son|daughter|nephew|niece|grandson|granddaughter|carer|caregiver|neighbour|"
    r"neighbor|husband|wife|partner|boyfriend|family) (?:\w+ )?(?:takes|took|has taken|keeps "
    r"taking|"
    r"steals|stole|is stealing|spends|spent|controls|uses|used) my (?:money|pension|savings|pills|"
    r"medication|cards?|benefits|bank|account|social security|cheques|checks)|"
    r"(?:leave|left|leaves|leaving) me (?:alone )?(?:in|without) (?:bed|food|water|my medication|"
    r"my pills|the dark|my own mess|heating)|"
    r"(?:locks|locked|lock) me (?:in|out|up)|(?:lock|locked) (?:in|into) (?:my|the) (?:room|house|"
    r"basement|closet)|(?:makes|made|forces|forced|pressures|pressured) me (?:to )?(?:sign|give|"
    r"hand over|have sex|do sexual|watch porn|touch)|"
    r"(?:dad|mom|mum|stepdad|stepmom|father|mother|uncle|boyfriend|husband|bf|gf|girlfriend|wife|"
    r"partner|brother|grandpa|coach)(?: \w+){0,2} (?:hits|beats|slaps|punches|kicks|chokes|"
    r"strangles|rapes|molests|abuses|hurts|burns|whips|belts|threatens) me|"
    r"(?:hits|beats|slaps|punches|kicks|chokes|strangles|rapes|molests|abuses|whips|belts|"
    r"smacks) me (?:when|if|every|all|until|with|for|again|because|at night|so hard)|"
    r"(?:trafficked|being sold|sold me|pimped)|(?:hurt|hurts|hit|hits) me (?:where|so) (?:no one|"
    r"nobody|people) (?:can|cant|wont)|(?:cant|can not|cannot) (?:leave|escape|get away from) "
    r"(?:him|her|them|this house|home|the house)|(?:i|im) (?:trapped|stuck) (?:with|in (?:the|"
    r"this) "
    r"house with) (?:him|her|them)|(?:emotional|financial|sexual|physical|domestic) abuse (?:at "
    r"home|from|by)|(?:i am|im|been|being) (?:abused|beaten|raped|molested|hit|assaulted)",
    ABUSE,
    "describes being hurt, controlled or unsafe",
    person="self",
)
# Phrasings from the third round of development sets (dev7-9) that no rule knew.
add(
    "ideation.more3",
    URGENT,
    r"(?:kicking|kick) the bucket (?:sounds|would be|seems|feels) (?:\w+ )?(?:good|nice|fine|"
    r"great|like a relief|tempting)|(?:who|whom) gets my (?:stuff|things|belongings)|"
    r"thinking (?:about|of) not being (?:here|around|alive)|(?:no ?one|nobody)(?: \w+){0,3} "
    r"(?:would|will|wouldnt|is going to|gonna) (?:notice|care|miss me)(?: \w+){0,2} if i "
    r"(?:(?:wasnt|werent|was not|were not) (?:around|here|alive)|was gone|died|disappeared|left "
    r"for good)|"
    r"(?:dont|do not) think (?:ill|i will|i wil) (?:still be (?:here|around|alive)|be alive)",
    SUICIDE,
    "hints they will not be around",
    negatable=False,
)
add(
    "self_harm.more3",
    URGENT,
    r"relaps\w* on (?:the )?(?:sh|self harm|cutting|blades?)|cuted (?:my ?self|my (?:arm|arms|"
    r"leg|legs|wrist|wrists|thigh|thighs))",
    SELF_HARM,
    "describes self-harm",
    person="self",
)
add(
    "abuse.more3",
    URGENT,
    r"(?:hes|shes|he is|she is|theyre|they are) (?:home|here|back)[.,!? ]+(?:i )?(?:cant|can not)"
    r" (?:talk|speak|call)|(?:cant|can not) (?:talk|speak|call)[.,!? ]+(?:hes|shes|he is|she is|"
    r"theyre|they are) (?:home|here|back)|(?:be |been |keeps |is )?throwing hands (?:at|on|with) "
    r"me",
    ABUSE,
    "describes being hurt, controlled or unsafe",
    person="self",
)
add(
    "harm.more3",
    URGENT,
    r"(?:keep|keeps|kept) (?:thinking|dreaming|fantasi[sz]ing) about (?:burning|torching|blowing "
    r"up|running over|ramming|hurting|killing|stabbing|shooting|strangling|poisoning)"
    r"(?! (?:my ?self|me)(?!\w))|"
    r"(?:gonna|going to|will) remember my name(?: \w+){0,2}[.,! ]+not in a good way",
    HARM_TO_OTHERS,
    "talks about harming someone",
    person="self",
)
add(
    "history.more",
    HISTORY,
    r"(?:a|one) (?:long )?(?:time|while) (?:ago|back)|in my (?:youth|twenties|teens|thirties|"
    r"younger (?:days|years)|early years)|decades ago|(?:when|while) i was (?:married|with (?:him|"
    r"her|my ex)|younger|in (?:college|school|the army|the military|foster care))|"
    r"(?:that|those) (?:days|times|thoughts|feelings) (?:are|were) (?:over|behind me|gone|long "
    r"gone)|"
    r"my (?:ex|former) (?:husband|wife|partner|boyfriend|girlfriend)|my ex (?:used to|would)|"
    r"(?:last|that) (?:time|summer|winter|spring|autumn|fall) (?:\d+ )?years ago",
)
add(
    "recovery.more",
    RECOVERY,
    r"(?:havent|have not|hasnt|has not) (?:felt|thought|had|done|self harmed|cut) (?:that|like "
    r"that|"
    r"those thoughts|it|anything like that) (?:in|for|since)|(?:im|i am) (?:safe|okay|ok|fine|"
    r"well) "
    r"now|(?:those|that) (?:days|times) are (?:over|behind me)|(?:left|escaped|got away from) "
    r"(?:him|her|them|that house)|(?:moved out|divorced|restraining order is working)|"
    r"(?:glad|grateful|thankful) (?:i|im|to be) (?:still )?(?:here|alive|didnt)",
)
add(
    "idiom.more4",
    IDIOM,
    r"could (?:literally |honestly )?(?:kill|strangle|murder) (?:him|her|them|my \w+|"
    r"(?:my|our|the) \w+ \w+) for \w+ing|"
    r"(?:kill|murder|strangle) (?:him|her|them|my \w+) if (?:he|she|they) (?:spoils?|eats?|"
    r"finish(?:es)?|borrows?|drinks?|wakes? me|uses? my|takes? my (?:charger|seat|spot|fries))",
)
add(
    "idiom.ordinary_life",
    IDIOM,
    # everyday life in words of final acts: a work handover ("handing over to nights, notes are
    # in the drawer"), plans to be seen again ("see you all Monday!"), praying for someone
    # else, a pause until an illness passes ("till the flu's gone")
    r"hand(?:ing|ed)? over to (?:nights|days|the (?:night|day|next|late|early) (?:shift|team|"
    r"staff))|handover (?:notes|sheet|to)|end of (?:my |the )?shift|(?:my )?shifts (?:done|over)|"
    r"see (?:you|u|yall|you all|everyone)(?: all)? (?:on |next )?(?:monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|tomorrow|next week|after the (?:retreat|holidays|break|"
    r"weekend))|"
    r"(?:praying|pray|prayed|prays) for (?:my|our|his|her|their) (?:\w+ )?(?:mum|mom|mother|"
    r"dad|father|son|daughter|kid|kids|child|friend|brother|sister|wife|husband|partner|grandma|"
    r"grandpa|nan|gran|aunt|uncle|cousin|baby|family)|"
    r"(?:till|until) (?:the |my |this )?(?:flu|cold|covid|fever|cough|bug|infection|cast|"
    r"injury)(?:s| is)? (?:gone|over|better|passes|clears|off)",
)
add(
    "idiom.trivial_reason",
    IDIOM,
    # a threat and the small thing that set it off: "I'm gonna kill my brother, he ate my
    # fries", "Gonna kill my sister, she spoiled the finale"; a printer or an alarm clock
    r"(?:kill|strangle|murder|unalive|throttle)(?: \w+){0,3}[,.]? (?:he|she|they)(?:s| has| have| "
    r"just)? (?:ate|eaten|spoiled|spoilt|forgot|unplugged|lost|took|finished|used|put|blasts|"
    r"blasted|keeps (?:eating|taking|using|leaving))|"
    r"(?:strangle|kill|murder|unalive|throttle) (?:my|the|this) (?:printer|alarm clock|alarm|"
    r"router|laptop|computer|phone|wifi|car|washing machine|toaster|kettle|spreadsheet)",
)
add(
    "idiom.more5",
    IDIOM,
    # a crisis phrase in quotes, then what it was about: "my 'goodbye forever' post was about
    # leaving twitter"; someone else's thoughts the writer understands; a question asked, then
    # answered no
    r"[\"\u201c\u201d][^\"\u201c\u201d\n]{1,60}[\"\u201c\u201d](?: \w+){0,3} "
    r"(?:was|is|were)(?: just| only)?(?: \w+)? (?:about|for|from|by)(?!\w)|"
    r"[\"\u201c\u201d][^\"\u201c\u201d\n]{1,60}[\"\u201c\u201d][.,]? (?:\w+ ){0,2}(?:i meant|"
    r"i mean|meaning) (?:from|about|for|the|that|my|like|as|in|on)(?!\w)|"
    r"when i say(?: \w+){1,8},? i (?:mean|meant)(?! it(?!\w))|"
    r"(?:i|we) (?:get|understand|can see|know) why (?:people|someone|some people|folks|others|a "
    r"person)(?: (?!(?:i|im|me|my|because|cause|but|and|so|since)(?!\w))\w+){0,6}|"
    r"asked (?:me )?(?:if|whether) i[^.?!\n]{0,80}[.?!]+ (?:\w+[,.]? ){0,3}(?:no|nope|not at all|"
    r"never|i have not|i havent|i dont|i do not)(?!\w)",
)
add(
    "history.more4",
    HISTORY,
    r"that was (?:in )?(?:19|20)\d\d|back in (?:the )?(?:\d\d|19\d\d|20\d\d)|(?:drought|war|"
    r"flood|crisis|recession|pandemic|divorce|fire|fires) of (?:19|20)\d\d|(?:first|second|third|"
    r"final|last) year (?:of|at|in) (?:uni|university|college|high school|school)|phase (?:was|"
    r"lasted) (?:from )?(?:19|20)\d\d|my old (?:tumblr|blog|journal|diary|posts?|notebooks?)|"
    r"looking back (?:at|on)|me in (?:19|20)\d\d|(?:\d+|a|one|two|three|four|five|six|seven|"
    r"eight|nine|ten) years? ago today|"
    # dated, and a sober anniversary: "it's been four years", "two years clean from self harm"
    r"(?:its|it has|thats|that has) been (?:\d+|two|three|four|five|six|seven|eight|nine|ten|"
    r"many|several|a few) (?:years|decades)|"
    r"(?<!after )(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten) (?:years?|months?) "
    r"clean(?= (?:from|of) )|clean (?:from|of) (?:\w+ ){1,3}for "
    r"(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten) (?:years?|months?)",
)
add(
    "media.more4",
    MEDIA,
    r"(?:exam|test|quiz|practice|nclex|board|phq(?:[ -]?9)?|form|survey|questionnaire) "
    r"questions?{NOT_ANSWERED_YES}|"
    r"questions? (?:\d+ )?on the (?:form|survey|questionnaire|phq)|"
    r"(?:class|lesson|unit|sermon|assembly|talk|"
    r"module|guide) (?:on|about)|sermon guide|(?:rate|rated|rating|score|scored) (?:my|the|your|"
    r"our|their)|(?:practicing|practising|practiced|practised) (?:asking|saying)|referral form|"
    r"(?:form|survey|questionnaire|leaflet|intake) (?:asks?|asked|lists?|covers?|explains?) "
    r"(?:about|if|whether|what)",
)
add(
    "negation.more",
    NEGATION,
    r"not (?:in a million years|planning to|thinking about|going to|gonna)|"
    r"(?:i have|ive|i had|have) no(?= (?:intention|plan|desire|thoughts?|urges?|wish))|"
    r"(?:would|could|will) never|denies|not at risk|(?:do you|are you|have you|did you)(?= (?:\w+ )"
    r"{0,4}(?:suicidal|thoughts of|hurt yourself|want to die|kill yourself))|"
    r"(?:thinking|worried|wondering) (?:about )?(?:whether|if) (?:my|a|the|your) \w+|"
    r"(?:my|a|the) (?:client|patient|student|friend|son|daughter)s? (?:asked|wondered)",
)

add(
    "ideation.more",
    URGENT,
    r"(?:cant|dont|do not|can not|cannot|fail to|no longer) see (?:the|any|a) (?:point|reason|"
    r"purpose) (?:in|of|to) (?:waking up|getting up|living|going on|trying|anything|being here|"
    r"staying|continuing|it all)|(?:why|what is the point of|whats the point of) (?:even )?"
    r"(?:bother )?(?:living|being alive|going on|staying alive|existing|waking up)|why bother "
    r"(?:living|going on|trying|waking up|staying|existing)|"
    r"(?:no longer|not|dont) (?:feel )?(?:able|strong enough) to (?:continue|carry on|go on|cope|"
    r"keep going|live|face another day)|(?:had|have had|ive had) enough of (?:this )?(?:life|"
    r"living|"
    r"it all|everything|this world|existing|being alive)|"
    r"(?:pray|hope|wish|hoping|praying)(?: \w+){0,3} (?:not|never) (?:to )?(?:see|wake up to|make "
    r"it to|live to see) (?:the |another |next )?(?:morning|tomorrow|day|year|christmas)|"
    r"(?:cant|cannot|can not) (?:face|bear|stand|handle|do) (?:another|one more) (?:day|night|"
    r"morning|year|week)|"
    r"(?:everyone|everybody|they|you all|yall|the world|my family)(?: \w+){0,2} (?:will|would|d|"
    r"wil) be better off(?= *(?:$|[.!,]))|(?:made|making) (?:my )?peace with (?:dying|death|"
    r"my decision|leaving|going|the end)|"
    r"(?:knife|blade|razor|glass|scissors)(?: \w+){0,8} (?:my )?(?:wrists?|throat)|"
    r"(?:wrists?|throat)(?: \w+){0,4} (?:knife|blade|razor)",
    SUICIDE,
    "talks about not wanting to go on",
)
add(
    "acute.more",
    ACUTE,
    r"(?:planning|planned|plan|figuring out|figured out|worked out|working out|decided|know "
    r"exactly|know) (?:how|when|where) (?:i(?:d| would| will|l| m going to| am going to)?|to) "
    r"(?:do it|end it|go|die|kill myself|jump)|"
    r"(?:stockpil\w+|hoard\w*|sav(?:ed|ing) up|collect\w*|stash\w*|hid\w*|count\w*) (?:\w+ ){0,3}"
    r"(?:pills|pils|tablets|meds|medication|painkillers|sleeping pills)|"
    r"how many (?:\w+ )?(?:pills|pils|tablets|meds) (?:i need|it takes|would|to take|are enough)|"
    r"lethal (?:dose|amount)",
    SUICIDE,
    "describes preparations or a method",
)
add(
    "self_harm.count",
    URGENT,
    r"(?:\d+|few|couple|many|several|some|two|three|four|five|ten) (?:new |more |fresh |deep )?"
    r"(?:cuts|burns|gashes|(?<!just a few )(?<!a few )(?<!some )lines)(?= *(?:$|[.!,]| tonight| "
    r"today| last| again| on my))|"
    r"relapse\w*(?:[.,!]? \S+){0,8} (?:cut|cuts|cutting|blade|blades|razor|sh|self harm|burn|"
    r"burning|scars?|lighter)",
    SELF_HARM,
    "describes self-harm",
)
add(
    "harm.more3",
    URGENT,
    r"put (?:him|her|them|you|that \w+) (?:in|into|six feet) (?:the )?(?:hospital|ground|grave|icu|"
    r"a coma|a box|a wheelchair|under)|"
    r"(?:beat|kick|knock|slap|punch|choke) the (?:shit|crap|hell|life|living daylights|fuck) out "
    r"of "
    r"(?:him|her|them|you|that|this|my|his|her)|"
    r"(?:knife|gun|pistol|blade|bat|weapon|machete|crowbar)s?(?: \w+){0,5} (?:for|in case|ready) "
    r"(?:when |if )?(?:i see )?(?:him|her|them|he|she|they)",
    HARM_TO_OTHERS,
    "talks about harming someone",
    person="self",
)
add(
    "abuse.more3",
    URGENT,
    r"(?:scared|afraid|terrified|frightened|worried) (?:that )?(?:hel|shel|theyl|hed|shed|theyd|"
    r"he will|she will|they will|he would|she would|he is going to|she is going to|he might|she "
    r"might|they might) (?:\w+ )?(?:kill|hurt|hit|beat|find|rape|take) me",
    ABUSE,
    "is afraid of being hurt",
    person="self",
)

# --- broader phrasings of the same ideas -------------------------------------------------
add(
    "ideation.broad",
    URGENT,
    # wanting the end, in many words
    r"(?:want|wanna|wana|wish|need|long|ready|hope|pray)(?: \w+){0,3} (?:for )?(?:it|this|"
    r"everything|"
    r"life|my life|the pain|all of it|it all)(?: \w+){0,2} to (?:end|stop|be over|finish)"
    r"(?: (?:for good|forever|permanently|now|already|once and for all))?|"
    r"(?:let|leave) me (?:die|go|rot|be dead)(?= *(?:$|[.!,]| already| please| in peace))|"
    r"(?:kill|end) me (?:already|now please|please)(?= *(?:$|[.!,]))|"
    r"(?:i|im|i am) (?:not|never) (?:going to|gonna|gona) (?:make it|survive|get better|last)"
    r"(?: \w+){0,3}(?= *(?:$|[.!,]))|"
    r"(?:no|dont have any|lost all|dont see any|without) (?:hope|future|way out|light|exit)"
    r"(?: \w+){0,3} (?:left|anymore|any more|for me|at all)|no way out|"
    r"(?:give up|giving up|gave up|given up) on (?:life|living|myself|everything|it all|the world|"
    r"trying|getting better|staying alive)|"
    r"(?:better|easier|simpler|kinder) (?:off )?(?:dead|gone|in the ground|not (?:being )?here|to "
    r"(?:die|disappear|not exist|just go))|(?:id|i would|i d)(?: much)? rather (?:be dead|die|"
    r"not exist|not be here|not wake up|disappear)|"
    r"(?:cant|can not|cannot|dont want to|dont wanna) (?:keep|stay|be) (?:alive|breathing|here|"
    r"living|existing)|(?:living|life|existing|being alive|breathing) (?:is|feels|has become) "
    r"(?:too )?(?:unbearable|torture|pointless|meaningless|a punishment|hell|too hard|too much)|"
    r"(?:tired|exhausted|sick) of (?:being|feeling) (?:alive|like this|this way)(?: \w+){0,3} "
    r"(?:end|die|over|stop)|(?:fantasi[sz]e|fantasi[sz]ing|dream|dreaming|daydream\w*) about "
    r"(?:not being|being dead|dying|disappearing|my death|the end|not waking)|"
    r"(?:count|counting) (?:down )?(?:the days|my days)|(?:my|the) days are numbered|"
    r"(?:one|1) way ticket|(?:end|ending|finish|finishing) (?:this|my) (?:chapter|story|book) "
    r"(?:for good|forever|permanently)|rope (?:myself|szn|time)|(?:gonna|gona|wanna|wana|going "
    r"to|want to) rope|(?:self )?(?:delete|deleting|uninstall|uninstalling) (?:myself|me)(?! from)|"
    r"(?:irl|in real life) (?:die|death|kms|unalive)|(?:die|death) irl|suicide (?:is|seems|feels) "
    r"(?:like )?(?:the|my|an) (?:answer|option|way|solution)",
    SUICIDE,
    "talks about wanting life to end",
    hyperbole=True,
)
add(
    "acute.broad",
    ACUTE,
    r"(?:i am|im|i have|ive|i will|ill|il) (?:going|gonna|gona|about|planning|ready|decided|"
    r"determined|intending)(?: to)? (?:take|swallow|down) (?:them|it|everything|the lot|all)"
    r"(?= *(?:$|[.!,]| tonight| now| tn| soon| today))|"
    r"(?:pills?|rope|noose|gun|knife|blade|razor|everything)(?:s| is| are)? (?:ready|set|laid "
    r"out|prepared|waiting)(?= *(?:$|[.!,]| for| tonight| now))|"
    r"(?:its|it is|it will be|itll be) (?:tonight|tn|now|today|time)(?= *(?:$|[.!]))|"
    r"(?:i am|im|i have|ive) (?:already )?(?:taken|swallowed|took|cut|started)(?: \w+){0,3} "
    r"(?:and|so) (?:now )?(?:i (?:feel|am|m)|its|the room)(?: \w+){0,3} (?:dizzy|sleepy|numb|"
    r"spinning|fading|cold|woozy|weak|blurry)|"
    r"(?:feel|feeling|getting) (?:really |so |very )?(?:dizzy|sleepy|drowsy|woozy)(?: \w+){0,4} "
    r"(?:pills|took|swallowed|overdose|tablets)|"
    r"(?:by the time|before) (?:anyone|you|they|someone) (?:notices|finds|reads|sees|wakes)|"
    r"(?:last|final) (?:sunset|sunrise|meal|breakfast)(?= *(?:$|[.!,]| on| alive| ever))|"
    r"my (?:last|final) (?:night|day)(?= *(?:$|[.!,]| on earth| alive| here))|(?:tonight|today) "
    r"(?:is|will be) my (?:last|final)|"
    r"(?:writing|wrote|written|typing) (?:this|my) (?:note|letter|goodbye|last)|"
    r"(?:i have|ive|i got|got) (?:everything|it all) (?:ready|planned|prepared|sorted)"
    r"(?= *(?:$|[.!,]| for| to))",
    SUICIDE,
    "describes an imminent act, means ready or last words",
    negatable=False,
)
add(
    "self_harm.broad",
    URGENT,
    r"(?:relapse|relapsed|slipped|slip up|slipped up|caved|gave in)(?:[.,!]? \S+){0,6} "
    r"(?:blade|blades|razor|cut|cuts|cutting|burn|burns|sh|scars?|lighter|bleed|blood|"
    r"\U0001fa78|\U0001fa79|\U0001f52a)|(?:urge|urges|craving|cravings|itch|pull) (?:is|are|was|"
    r"were|keeps|keep|getting|so) (?:\w+ )?(?:strong|bad|loud|back|intense|unbearable|winning)"
    r"(?: \w+){0,3} (?:cut|blade|sh|hurt|burn|bleed)|"
    r"(?:i|im|i am|ive) (?:\w+ )?(?:cutting|burning|scratching|bruising|hitting|punching|"
    r"biting|hurting|harming|injuring|starving|purging)(?: \w+){0,2} (?:myself|my (?:arms?|"
    r"legs?|thighs?|wrists?|skin|stomach|body|hips?|face|head))|"
    r"(?:scars?|cuts|wounds|burns|marks) (?:are|is) (?:fresh|new|bleeding|infected|deep|"
    r"still bleeding|open)|(?:stitches|steri strips|butterfly stitches|gauze)(?: \w+){0,4} "
    r"(?:myself|my (?:arm|wrist|thigh|leg))|(?:bleeding|bled) (?:all )?(?:through|on|onto|into) "
    r"(?:my|the) (?:sleeve|sheets|bandage|towel|clothes|jeans)",
    SELF_HARM,
    "describes self-harm",
)
add(
    "harm.broad",
    URGENT,
    r"(?:i|im|i am|ill|il|i will|ima|imma|gonna|gona|going to|want to|wanna|wana)(?: \w+){0,3} "
    r"(?:shoot|stab|strangle|murder|kill|choke|poison|run over|beat|bash|smash|slash|burn)"
    r"(?: \w+){0,2} (?:him|her|them|you|u|everyone|everybody|somebody|someone|my \w+|his \w+|"
    r"her \w+|their \w+|the \w+ (?:next door|upstairs|downstairs))"
    + r"(?! (?:at|in) (?:a |the )?(?:game|chess|fifa|cards|match|race|debate|argument|karaoke|"
    r"trivia|round|test|exam)| for (?:a|an|some|one|that|this) (?:coffee|tea|beer|pizza|burger|"
    r"cookie|nap|drink|snack|sandwich|taco|bite|chocolate|slice))|"
    r"(?:brought|bring|bringing|carry|carrying|have|got|packed|took|take) (?:a |my |the )?(?:knife|"
    r"gun|blade|weapon|bat|hammer|machete|pistol)(?: \w+){0,4} (?:with me|to (?:his|her|their|"
    r"school|work|class)|just in case|in case (?:he|she|they))",
    HARM_TO_OTHERS,
    "talks about harming someone",
    hyperbole=True,
)
add(
    "abuse.broad",
    URGENT,
    r"(?:he|she|they|hes|shes|theyre|my \w+(?: \w+)?)(?: \w+){0,2} (?:always|keeps|kept|keep|"
    r"constantly|often|sometimes|usually|still|again|every day|every night)? ?(?:hit|hitting|"
    r"beat|beating|hurt|hurting|choke|choking|slap|slapping|punch|punching|kick|kicking|touch|"
    r"touching|threaten|threatening|rape|raping|abuse|abusing|strangle|strangling|burn|burning)"
    r"(?:s|es|ed)? me|(?:bruises|marks|welts|black eye|split lip|broken rib|busted lip)"
    r"(?: \w+){0,5} (?:from (?:him|her|them|my \w+)|(?:he|she|they) (?:did|gave|left)|again|"
    r"covering|cover up|makeup|hide)|"
    r"(?:if|when) (?:he|she|they) (?:finds out|find out|sees|see|catches|catch|hears)"
    r"(?: \w+){0,5} (?:kill|hurt|beat|hit|kick) me|(?:hel|shel|theyl|he will|she will|they will) "
    r"(?:kill|hurt|beat|hit|kick out|throw out) me|"
    r"(?:hide|hiding|hid) (?:from|in) (?:him|her|them|my (?:room|closet|car|bathroom))"
    r"(?!(?: \w+){0,3} (?:to cry|to breathe|feeling|for a (?:minute|bit|few)|for \w+ minutes))|"
    r"(?:he|she|they) (?:has|have|keeps|took|takes) (?:my|all my) (?:money|phone|keys|passport|"
    r"id|documents|cards?|car)|(?:controls|monitors|tracks|checks) (?:everything|every|where|who)"
    r"(?: \w+){0,3} (?:i|me)|(?:not|never) allowed to (?:leave|see|go|talk|have|use|eat|work)|"
    r"(?:makes|made|forces|forced) me (?:to )?(?:sleep|stay|kneel|beg|eat|strip|undress|lie)|"
    r"(?:screams?|yells?|shouts?) (?:at me|in my face)(?: \w+){0,4} (?:every|all|until|and "
    r"(?:hits|throws|pushes|grabs|breaks))|"
    r"(?:ran|run|running|escaped|fled|left) (?:away )?(?:from home|from (?:him|her|them))(?: "
    r"\w+){0,3} "
    r"(?:last night|tonight|today|yesterday|and|because|nowhere)",
    ABUSE,
    "describes being hurt, threatened or controlled",
    person="self",
)

add(
    "ideation.emoji_want",
    URGENT,
    r"(?:want|wanna|wana|ready|gonna|gona|going|time|need)(?: to| for)?(?: \w+)? ?(?:\u2620|"
    r"\U0001faa2|\U0001f52b|\U0001f48a|\U0001f480|\u26b0|\U0001faa6)|"
    r"(?:happy|glad|fine|okay|ok|relieved|content) (?:to|if i) (?:never|not|didnt|dont) (?:wake up|"
    r"wake|exist|be here|see tomorrow)",
    SUICIDE,
    "wants to die (emoji or plain words)",
)

# --- a second development set's lessons, as general phrasings -----------------------------
add(
    "ideation.more2",
    URGENT,
    r"(?:done|finished|through) (?:with )?(?:living|life|existing|being alive)(?= *(?:$|[.!,]))|"
    r"(?:want|need|wanna|wana) out(?:(?:[.,!]? ?(?:permanently|for good|forever))| of (?:this life|"
    r"life|existence|it all|everything))|"
    r"(?:wouldnt|would not) mind(?: at all)? if (?:the |my )?(?:cancer|illness|tumou?r|disease|"
    r"heart|it) (?:came|comes|come) back|(?:might|would|could) be a (?:mercy|relief|blessing)"
    r"(?= *(?:$|[.!]))|(?:whats|what is|wheres) (?:even )?the (?:point|pont|poin) (?:of|in) "
    r"(?:me|my life|living|being|bein|existing)|"
    r"(?:if|when) (?:a |the )?(?:car|bus|truck|train|lorry|plane)(?: \w+){0,2} (?:hit|hits|runs? "
    r"over|ran over|kills?|killed)(?: \w+){0,2} me|rather (?:the|a) (?:bus|car|train|truck) "
    r"(?:hit|catch|take|hits|catches) me|"
    r"(?:wouldnt|would not|doesnt|does not) matter (?:to anyone |to anybody )?if i (?:died|was "
    r"gone|"
    r"disappeared|wasnt here)|one less me|(?:get|gets|have|collect) (?:the |my )?life insurance|"
    r"(?:be|is|will be|going to be) my last (?:christmas|birthday|summer|new year|easter|winter)|"
    r"(?:better|happier|easier|lighter)(?: off)? with me (?:gone|dead|out of (?:the way|the "
    r"picture))|"
    r"why (?:should|would) i (?:keep going|go on|stay alive|keep living|bother)|"
    r"cant (?:come up with|think of|find) a (?:single |good )?reason(?= *(?:$|[.!,]| to (?:live|"
    r"stay|"
    r"keep|go on|carry on)))|waiting (?:around )?(?:to die|for death|for (?:it all|everything|it|"
    r"this|life|the end) to (?:end|come|be over|stop))|"
    r"(?:found|finding|looking for|find|found) (?:a )?(?:new |nice |good |loving )?(?:home|family|"
    r"owner|someone) (?:for|to take) my (?:cat|dog|pet|bird|rabbit|\w+)|"
    r"(?:paid|paying) (?:back|off) (?:everyone|all my debts|my debts|everything i owe)|"
    r"(?:tie|tying|tied|tidy|tidying|tidied) up (?:all )?(?:my )?(?:loose ends|my affairs)|"
    # "Showed my sister where the deed and the passwords are"; "took myself off the waiting
    # list for the knee surgery"
    r"(?:showed|show|showing|told|tell|telling) (?:my \w+|him|her|them|\w+) where (?:the |my )?"
    r"(?:deed|deeds|passwords?|will|insurance|papers|documents|bank details|policy|letter)|"
    r"(?:took|take|taking|taken) myself off (?:the )?(?:waiting )?list|"
    r"in case i (?:dont|never|do not) (?:get to|"
    r"see "
    r"(?:you|them|her|him)|get the chance|make it)|(?:hug|hugged|kiss|kissed|see|saw|visit|visited|"
    r"call|called|said goodbye to)(?: \w+){0,3} (?:one last time|for the last time)|"
    r"(?:hugged|kissed) (?:\w+ ){0,2}goodbye|(?:cancelled|canceled|cancelling) (?:all )?my "
    r"(?:subscriptions|accounts|phone contract)|(?:searching|searched|googling|googled|looking up|"
    r"looked up) how (?:long|much|many)(?: \w+){0,3} (?:it )?takes?|"
    r"(?:nobody|no one|you|they|anyone) (?:will|wil|wont|would) (?:have to|need to) (?:worry|deal|"
    r"put up) (?:about|with) me (?:much longer|anymore|for long|soon)|(?:be|ill be|i will be|im) "
    r"gone soon|(?:wont|will not) be needing|(?:stopped|stop|quit) taking (?:my )?(?:\w+ "
    r")?(?:tablets|"
    r"meds|medication|pills|insulin)(?:[.,]? \w+){0,6} (?:if it goes|let it|whatever happens|to "
    r"die)|"
    r"if it goes,? it goes|like not existing|(?:log off|logout|log out) (?:from|of) life|"
    r"(?:uninstall|delete|off) (?:button|switch) for (?:me|my life)|respawn\w* irl|"
    r"wish (?:i|id) (?:wasnt|werent|wasnt ever|had never been) (?:alive|here|born|around|real)|"
    r"(?:tired|tird|tierd|sick) of (?:liveing|livin|liv)|(?:no|zero) (?:reson|reasn|reason) to "
    r"(?:keep )?(?:goin|going|live|liv)|(?:id|i would) (?:much )?rather be with (?:her|him|them|my "
    r"\w+)|(?:why|god) (?:he |god )?keeps me (?:here|alive|going)",
    SUICIDE,
    "talks about not wanting to go on",
)
add(
    "acute.more2",
    ACUTE,
    r"(?:ive|i have) (?:finally )?decided(?= *(?:$|[.!]))|(?:made up my mind|my mind is made up)"
    r"(?= *(?:$|[.!]))|(?:im|i am) (?:on|at|up on) (?:the )?(?:roof|top|edge|ledge|bridge|puente)|"
    r"not (?:coming|going) (?:down|back|home)(?= *(?:$|[.!,]))|"
    r"took (?:something|some pills|a bunch|everything|them)(?: \w+){0,6} (?:feel|feeling) (?:\w+ )?"
    r"(?:strange|weird|sick|dizzy|sleepy|funny|scared|faint)|"
    r"engines? (?:is |s )?(?:on|running)(?= *(?:$|[.!]))|garage(?:[.,]? \w+){0,6} engine|"
    r"this is my (?:chance|moment|opportunity|window)(?= *(?:$|[.!]))|"
    r"dont bother (?:calling|texting|looking|coming)|i wont (?:answer|pick up|reply)(?= *(?:$|"
    r"[.!,]))|"
    r"(?:bought|got|have|ordered) (?:what|everything) i (?:need|needed)|"
    r"not (?:getting|going) (?:on|onto) the train|(?:ending|end|do|doing) it (?:this time|for real|"
    r"tonight|tonite|tn|now)|(?:so much|too much|lots of|a lot of) blood|(?:wont|will not) stop "
    r"bleeding|holding (?:the|my|all the|all my) (?:pills|pils|rope|knife|gun|razor|blade|tablets)|"
    r"i know how to use it|writing to say goodbye|(?:choosing|chosen|decided|choose|chose) to "
    r"(?:stop|end|go|leave) (?:here|now|today|tonight)|(?:had a|had my) (?:good|decent|long|full) "
    r"(?:run|innings|life)(?= *(?:$|[.!,]| and))|un ?aliv\w*(?: {SELF}| me)? (?:today|tonight|tn|"
    r"after school|after work|now)|took\w* all my (?:medd?s|pills|pils|tablets)|"
    r"stand\w* on the (?:edge|edje|ege|ledge)|(?:goodbye|goodbey|goodby|gudbye|farewell)(?:[.,!]? "
    r"\w+){0,4} (?:sorry|sory|love you|forgive)|\U0001f52b ?(?:loaded|ready)|"
    r"(?:wont|will not) be (?:back|coming back|returning)(?= *(?:$|[.!]))|"
    r"scheduled (?:the|my) (?:letters|messages|emails|posts)|(?:by then|after tonight) (?:it |"
    r"nothing )?"
    r"(?:wont|will not|doesnt) matter|posted (?:my |a )?goodbye|(?:im|i am) (?:ending|doing) it|"
    r"(?:when|after|once) (?:everyone|everybody|they)(?:s| is| are|re) (?:asleep|gone|out)",
    SUICIDE,
    "describes an imminent act, means ready or last words",
)
add(
    "self_harm.more2",
    URGENT,
    r"(?:dont|do not) deserve (?:to eat|food|to be fed)|deserve to (?:starve|go hungry)|"
    r"made myself (?:sick|throw up|vomit|puke)|(?:whole|entire) (?:box|pack|packet) of (?:plasters|"
    r"band ?aids|bandages)|(?:wasnt|not|isnt|werent|arent) for shaving|"
    r"(?:carved|carving|etched|scratched) (?:\w+ ){0,2}(?:into|on) my (?:skin|arm|wrist|thigh|leg|"
    r"stomach|hip)|\w+ing (?:\w+ ){0,5}(?:on purpose|on purpuse|on porpuse)|"
    r"(?:until|till|til) (?:i|it|they) (?:bleed|bleeds|bled|burns|stings|hurts|bruises)|"
    r"(?:put|putting|stubbed|stub) (?:my |a |the )?(?:cigarette|cig|fag|ciggie)s? out on (?:my|me)|"
    r"\d+ days clean (?:gone|over|ruined|lost)|(?:clean streak|streak) (?:gone|over|ruined|lost|"
    r"reset)|relasp\w* (?:with|on) sh|(?:burnd|hurtng|hurtin|cutin|cuttin) (?:myself|my)|"
    r"(?:me|i) ?\+ ?(?:razor|blade|lighter|knife)|day (?:0|zero) again|"
    r"(?:dont have to|to avoid|so i can avoid) (?:change|changing|getting changed|undress\w*) "
    r"(?:in front of|for pe|for gym)|(?:hid|hide|hiding) the first aid kit|"
    r"(?:said|told (?:\w+ ){0,2}that) (?:i|it) (?:fell|was the cat|tripped)(?:[.,]? \w+){0,5} "
    r"(?:i|it) (?:didnt|wasnt)|(?:scratched by|from) the cat|(?:dont|do not) (?:have|own) a cat|"
    r"(?:\U0001f52a|\U0001fa78|\U0001fa79) ?(?:\U0001f52a|\U0001fa78|\U0001fa79)",
    SELF_HARM,
    "describes self-harm",
)
add(
    "harm.more4",
    URGENT,
    r"(?:wont|will not|isnt|is not|aint) (?:walk|walking|gonna walk) away (?:from this|next time|"
    r"this "
    r"time)|(?:scared|afraid|worried|terrified) (?:of )?what (?:ill|il|id|i will|i might|i could) "
    r"do "
    r"to|make (?:him|her|them|you|everyone)(?: all)? pay|set (?:his|her|their|the) (?:\w+ )?on "
    r"fire|"
    r"burn (?:his|her|their) (?:house|flat|place|car) down|with (?:him|her|them) (?:in it|inside)|"
    r"(?:running|run|ran) (?:him|her|them|my \w+|the \w+|that \w+) over|"
    r"names of (?:everyone|everybody|all the people|the people) who (?:\w+ ){0,2}(?:bullied|hurt|"
    r"wronged|betrayed)|see whos tough|teach (?:him|her|them) a lesson|(?:got|has|had|have) it "
    r"coming|shut (?:him|her|them) up (?:for good|forever|permanently)|bringing (?:something|a "
    r"\w+) "
    r"to (?:class|school|work)|make sure (?:he|she|they) (?:cant|can never|never|wont) (?:walk|"
    r"talk|"
    r"see|breathe|hurt anyone)|(?:getting|gettin|get|gets) (?:smoked|merked|clapped|shot|stabbed|"
    r"jumped|bodied|popped|wet|dropped) (?:when|if|tonight|tomorrow|tmrw)|pop off on (?:all of )?"
    r"(?:them|him|her|everyone)|got something for (?:him|her|them)|"
    r"(?:wan to|wan|wanna|wana) (?:hurt|kill|stab|beat) (?:him|her|them)|"
    r"(?:school|class|skool|cole|escuela)(?: \S+){0,3} ?\U0001f52b|\U0001f52b(?: ?\S+){0,3} "
    r"(?:school|class|cole|escuela)|\U0001f52b ?\U0001f52b|"
    r"(?:looked up|found out|know|checked|worked out) (?:when|where|what) (?:my ex|his|her|he|she)"
    r"(?: \w+){0,4} (?:shift|drives|works|lives|leaves|finishes|parks)|"
    r"(?:bat|knife|gun|crowbar|hammer)s?(?:[.,]? \w+){0,4} not for (?:baseball|cooking|hunting|"
    r"sport|"
    r"the kitchen)|(?:get|buy|find) (?:a |me a )?(?:piece|strap|gun|burner|glock|heater)(?:,)? no "
    r"questions asked|where (?:i|to) (?:could |can )?(?:get|buy) (?:a )?(?:piece|strap|gun|glock)|"
    r"(?:crowbar|bat|knife|gun|machete|hammer)s?(?: \w+){0,6} for when i see|"
    r"(?:harm|harming|hurt|hurting|kill|killing) (?:my|his|her) (?:son|daughter|brother|sister|"
    r"father|mother) in law|(?:hurting|harming|killing) the (?:children|kids|babies|students|"
    r"pupils|"
    r"patients|residents)",
    HARM_TO_OTHERS,
    "talks about harming someone",
    person="self",
)
add(
    "abuse.more4",
    URGENT,
    r"(?:takes|took|has taken|keeps) my (?:whole |entire |full )?(?:paycheck|pay|wages|salary|"
    r"pension|chequebook|checkbook|car keys|phone)|(?:gives|give) me an allowance|"
    r"makes? me send (?:him|her|them) (?:photos|pics|pictures|nudes|videos)|if i tell(?= *(?:$|"
    r"[.!,]))|"
    r"unless i (?:sleep with|keep him company|send|have sex|go out with|do what)|"
    r"(?:not|never) allowed (?:a |my |in |into |to have )|(?:post|share|send|leak|show) my "
    r"(?:pictures|pics|photos|nudes|videos)(?: \w+){0,3} (?:unless|if i dont|if i do not)|"
    r"(?:went|goes|go) (?:thru|through) my phone|(?:gets|getting) handsy|"
    r"(?:chokd|choakd|hitted|beated|slaped|punchd|kickd) me|(?:when|if) the (?:marks|bruises) show|"
    r"(?:or|otherwise) (?:theres|there is|there will be|i get) (?:trouble|hell|consequences)|"
    r"send (?:him|her) (?:a )?(?:photo|picture|pic|location) of where i am|"
    r"in case i (?:need|have) to (?:leave|run|escape|get out) (?:quickly|fast|in a hurry)|"
    r"(?:plates|things|stuff|fists) (?:start|started|go|went) flying|"
    r"(?:grabbed|pulled|yanked|grabs|pulls) my hair|(?:shoved|slammed|smashed|banged) my head",
    ABUSE,
    "describes being hurt, threatened or controlled",
    person="self",
)
add(
    "idiom.more",
    IDIOM,
    r"rather die than (?:\w+ ){0,2}(?:wear|eat|watch|listen|sing|dance|go to (?:the|that|his|her) "
    r"(?:party|wedding|gym|meeting|class)|be seen|admit|ask|drink|use|take the bus)|"
    r"my (?:sister|brother|mum|mom|dad|wife|husband|boss|teacher|coach|flatmate|roommate|friends?) "
    r"(?:is|are|will|gonna|is going to|are going to)(?: literally)? (?:kill|murder|strangle) me "
    r"(?:when|if|for)(?! i (?:tell|report|leave|go))|"
    r"(?:murder|kill|destroy|wreck|smoke|slaughter|crush) (?:my|the|them|you|him|her)(?: \w+)? "
    r"(?:at|in) (?:\w+ ){0,2}(?:kart|game|match|round|fifa|chess|monopoly|uno|poker|scrabble|cards|"
    r"smash|fortnite|tetris|trivia|bowling|darts|pool|ping pong|mario\w*|quiz)",
)
add(
    "media.more",
    MEDIA,
    r"(?:cause|causes|increase|increases|risk of|linked to|associated with)(?= (?:\w+ ){0,2}"
    r"(?:suicidal|suicide|self harm))|difference between|definition of|signs of|warning signs|"
    r"symptoms of|school report|what (?:is|are) (?:the )?(?:signs|difference)|"
    # training, study and lyrics: "how to ask clients directly about suicidal thoughts"
    r"how to ask|risk factors|has a line about|the lyrics? (?:say|says|go|goes)|"
    r"power of attorney|(?:with|at|to) (?:my|the|a) (?:solicitor|lawyer|notary)|estate plan\w*",
)

# --- counter-signals ----------------------------------------------------------------------
add(
    "negation.cue",
    NEGATION,
    r"not|never|dont|doesnt|didnt|wont|wouldnt|isnt|arent|wasnt|havent|hasnt|hadnt|nor|"
    r"without|no way|no longer|nothing like|nope|neither|not once|ever again|"
    r"no(?= (?:thoughts?|plans?|intention|intentions|intent|urges?|desire|wish|interest|reason "
    r"to worry|risk))|zero(?= (?:thoughts?|plans?|intention|urges?|desire))|stopped|quit|"
    r"resisted|nobody|no one|noone|asked (?:me )?(?:if|whether)|the answer (?:was|is) no|"
    r"(?:if|in case|whenever) (?:i )?(?:ever|ever start to|ever feel|ever get|start to|someday)|"
    r"would i ever|if i were to ever|instead of|rather than|(?:how|what) (?:do|can|should) (?:i|"
    r"you|we|"
    r"people) (?:help|support|talk to|respond to)|"
    r"not (?:anymore|any more)|no more",
)
add(
    "acute.not_talked_out",
    ACUTE,
    r"(?:dont|do not|wont|will not|not) (?:want to |going to |gonna )?(?:be |get )?(?:talked|"
    r"talk me) out of it|dont (?:try to )?(?:talk me out of it|stop me)",
    SUICIDE,
    "will not be talked out of it",
    negatable=False,
)
add(
    "self_harm.not_to_die",
    URGENT,
    # the wish to hurt, not to die: "not trying to die, just needed it to stop"
    # (the match starts after the negation, which still denies the wish to die)
    r"(?:(?<=to die, )|(?<=to die )|(?<=tryna die, )|(?<=tryna die ))(?:i )?(?:just|only) (?:need|"
    r"needed|want|wanted|wanna) (?:(?:it|the pain|this|the feeling|everything|the noise) to stop|"
    r"to feel (?:some?|any)\w*)|"
    # "I want to cut just to feel the pressure leave, and I did, on my leg"
    r"(?:urge|want|wanted|wanna|need|needed) to cut (?:just |only )?(?:to|so) (?:feel|make|let|get|"
    r"stop)|(?:and )?i did,? on my (?:legs?|arms?|thighs?|wrists?|stomach|hips?)(?!\w)",
    SELF_HARM,
    "hurts themself to make the pain stop",
    negatable=False,
)
add(
    "negation.not_negation",
    IDIOM,
    # Parts of speech that look like negation but do not deny anything.
    r"shouldnt be|should not be|(?:not|no) (?:gonna|gona|going to) lie|ngl|cant stop|cant help|"
    r"can not stop|dont stop|"
    r"not sure|dont know|doesnt know|didnt know|never mind|not one person|cant wait|cant even|"
    r"not me|(?:say|says|said|saying|tell (?:him|her|them)|told (?:him|her|them)) no(?!\w)|"
    r"dont care|never ending|without (?:anyone|a trace|thinking|wanting|wishing)|"
    r"(?:a|one|single) (?:day|night|hour|minute) (?:goes by )?without|not a (?:day|night) goes by",
)
add(
    "idiom.hyperbole",
    IDIOM,
    r"(?:killing|kills|murdering|murders) (?:me|it|time|the (?:vibe|mood|game|lights))|"
    r"(?:kill|killed) (?:it|time|the (?:vibe|mood|lights))|"
    r"(?:kill|die|dying|murder) for (?!real|good|sure|it\b|me\b|myself)(?:a |an |some |that |this |"
    r"one |the |my )?\w+|"
    r"dying (?:to|for|of|from) (?!(?:kill|end|hurt|harm))|"
    r"(?:dead|ded) (?:tired|beat|serious|on|last|end|ass|inside|lol|\U0001f480)|to die for|"
    r"(?:die|died|dying|dead) (?:of|from) (?:laughter|laughing|embarrassment|shame|boredom|"
    r"cringe|cuteness|happiness|excitement|hunger|thirst|heat|the heat|jealousy|envy|secondhand "
    r"embarrassment)|(?:die|died|dying|dead) laughing|(?:kill|shoot) me now|could (?:just )?die|"
    r"(?:im|i am) (?:so |literally )?(?:dead|ded|deceased|dying)(?= *(?:\U0001f480|\U0001f602|"
    r"\U0001f923|lol|lmao|haha))|killer|killed it|kill it|killing it|"
    r"(?:drop|dropped|dropping) dead gorgeous|dressed to kill|overkill|(?:my )?(?:feet|legs|back|"
    r"head|"
    r"neck|knees?|stomach|throat|eyes?|wrists?) (?:are |is )?(?:killing|kill|murdering) me|"
    r"kill (?:two birds|the (?:lights|engine|music|process|app|bug|spider|weeds?|germs?|vibe))|"
    r"(?:bored|boring|cringe|embarrass\w*|awkward|hungry|tired|sleepy|hot|cold)(?: \w+){0,3} "
    r"(?:i could die|i want to die|kill me)|"
    r"(?:this|that|the|my|these|those|his|her) (?:\w+ )?(?:exam|exams|test|tests|homework|class|"
    r"classes|meeting|meetings|song|show|game|traffic|weather|heat|monday|commute|line|queue|wifi|"
    r"episode|cringe|hangover|assignment|essay|paper|lecture|deadline|workload|week|job|shift|"
    r"presentation|math|chemistry|physics|calculus|finals|semester|cliffhanger|suspense|"
    r"spreadsheet|email|emails|zoom|call|ad|ads|group chat|group project|laundry|dishes|kids|"
    r"toddler|baby|puppy|cat|dog|diet|workout|gym|leg day|cardio|run|hike|hill|stairs|"
    r"playlist|album|outfit|dress|shoes|price|prices|rent|bill|bills|sale|makeup)"
    r"(?: \w+){0,6} (?:is|are|was|were|will|gonna|gona|going to|makes? me|made me)(?: \w+){0,2} "
    r"(?:killing me|kill me|be the death of me|the death of me|want to die|wanna die|"
    r"wana die|want to kms|want to kill myself|end me|murder me)|"
    r"(?:if i have to|if i hear|if i see|one more|another)(?: \w+){0,6} (?:meeting|email|class|"
    r"lecture|zoom|call|song|episode|ad|spreadsheet|essay|assignment|exam|test|shift|minute|"
    r"hour|day of this|group project|presentation|question|reply|christmas song|word|time)"
    r"(?: \w+){0,6} (?:ill|il|i will|im gonna|im going to|im gona|i swear) "
    r"(?:die|kill myself|kms|scream|lose it|end it|jump|throw myself|unalive)|"
    r"(?:mom|mum|mother|dad|father|parents|teacher|boss|coach|wife|husband|girlfriend|boyfriend|"
    r"parents)(?: \w+){0,3} (?:will|is going to|are going to|gonna|gona|would|ll|il|is gonna) "
    r"(?:literally )?kill me(?: (?:if|when|for|because|lol|haha)|(?= *(?:$|[,.!])))"
    r"(?! i (?:ever )?(?:tell|told|report|leave|left|call|go to|talk))|"
    r"(?:body|bodied|slayed|slay|crushed|murdered|destroyed|smashed|killed) (?:it|that|this|the "
    r"(?:test|exam|interview|game|set|presentation|audition))|"
    r"(?:you|u|ur|youre) (?:killing|kill) me|(?:kill|killing|killed) (?:the|this|that) "
    r"(?:game|boss|dragon|zombie|zombies|monster|level|character|enemy|enemies|mobs?|npc)|"
    r"(?:cut|cutting|cuts) (?:myself )?(?:off|back|down|class|school|out|ties|corners|"
    r"my hair|my bangs|my nails|my losses|carbs|sugar|gluten)|cut myself (?:a slice|some slack|"
    r"off)|(?:hurt|hurts|hurting) my (?:back|knee|ankle|shoulder|wrist|neck|leg|arm|hand|foot|"
    r"finger|toe|hip)(?: \w+){0,3} (?:playing|at|lifting|running|during|in|when|while|at the)|"
    r"burn(?:ed|t|ing)? (?:myself (?:cooking|baking|ironing|while|making)|my (?:hand|finger|"
    r"fingers|arm|tongue|mouth) (?:on the|with (?:the )?(?:iron|oven|stove|pan|kettle|hot water|"
    r"tea|coffee|curling|straighteners)|cooking|baking|making|ironing|while|taking))|(?:hit|"
    r"hitting|bang|banged|bump|bumped) my "
    r"head (?:on|against) (?:the )?(?:door|cupboard|cabinet|shelf|ceiling|table|desk|car)(?! on "
    r"purpose)"
    r"|(?:starving|starved|im starving|so hungry)(?! (?:myself|to punish))|"
    r"(?:hit|hits|hitting) me (?:up|back)|(?:beat|beats|beating) me (?:at|in|to it)|"
    r"(?:hit|hits) me (?:with (?:that|this|the (?:news|truth|facts|question)|a (?:question|joke|"
    r"text|message|surprise|song|meme))|that)|killing (?:the )?(?:time|vibe)|"
    r"(?:a |the )?(?:burden of proof|tax burden|burden of)|sh(?:h+)?(?= (?:up|be quiet|quiet))|"
    r"(?:end|ending|ended) (?:it|things) (?:with|between) (?:him|her|them|my \w+|us)|"
    r"(?:end|ending|ended) (?:the|our|my) (?:relationship|friendship|call|meeting|lease|contract|"
    r"subscription|streak|day|week|chapter|season|marriage|engagement)|"
    r"(?:ready|want|wanna|wana) to (?:end|die on) (?:this|that) (?:hill|call|meeting)|"
    r"die on (?:this|that) hill|(?:dead|died) (?:phone|battery|plant|plants|car)|"
    r"my (?:phone|battery|laptop|car|plant|plants|computer|tamagotchi|character) (?:is |just )?"
    r"(?:dead|died|dying)|(?:catch|catching|caught|take|took|taking|miss|missed|on) the bus "
    r"(?:to|from|home|at|this morning|every|into|with|because|back)|"
    r"(?:over my dead body)|(?:through|hit|raise|raised) the roof|(?:kill|killing) (?:my|the|this) "
    r"(?:buzz|high|mood|battery|phone|"
    r"plants?|diet|streak)|(?:bored|boring) to death|scared to death|worried sick|"
    r"(?:sick|tired) (?:and tired )?of (?:this|the|my|his|her|their|it|waiting|school|work|"
    r"people|rain|winter|studying|cooking|traffic|him|her|them)(?! (?:life|living|being alive))",
)
add(
    "idiom.accident",
    IDIOM,
    r"(?:by accident|accidentally|accidental|by mistake)|"
    r"(?:shaving|cooking|chopping|baking|gardening|ironing)(?! to)",
)
add(
    "laughter.marks",
    LAUGHTER,
    r"lol|lmao|lmfao|rofl|haha\w*|hehe\w*|jk|just kidding|kidding|joking|joke|xd|"
    # a threat to a sibling taken back at once: "(i love him)", "(I won't. But still.)"
    r"\(i love (?:him|her|them)(?: really| though| tho)?\)|i wont[.,] but still|"
    r"\U0001f602|\U0001f923|\U0001f480|\U0001f606|\U0001f605|\U0001f92a|\U0001f61c|\U0001f61d",
)
add(
    "media.cue",
    MEDIA,
    r"song|songs|lyrics?|movie|movies|film|films|tv show|tv|series|episode|season finale|book|"
    r"books|"
    r"novel|chapter|character|characters|protagonist|villain|game|games|videogame|"
    r"video game|boss fight|quest|npc|documentary|article|news|headline|podcast|"
    # scripture read or preached ("a sermon on Elijah asking God to take his life"), a song
    # named in quotes and "by" its artist
    r"(?:sermons?|homily|bible study) (?:on|about)|scripture|psalm|the book of job|sea shanty|"
    r"lullaby|"
    r"nursery rhyme|(?<=[\"\u201d] )by (?:the )?\w+|"
    # (a trailer is also a home and a truck: "a replacement trailer", "el tráiler")
    r"musical|scene|anime|comic|netflix|hbo|youtube|(?:movie|film|new|official|teaser) trailer|"
    r"trailer (?:for|of)|actor|actress|album|poem by|"
    r"fanfic|fan fiction|the author|the writer|the band|the singer|rapper|sitcom|drama|"
    r"shakespeare|hamlet|romeo|juliet|quote|tiktok|tik tok|reel|fiction|screenplay|"
    r"script|novella|opera|thriller|horror|true crime|mystery|detective|plot|storyline|"
    r"dnd|d and d|campaign|roleplay|rp|sims|minecraft|fortnite|zombie|zombies|in game|"
    r"leaflet|side effects?|warning label|package insert|suicide squad|suicide prevention|"
    r"warning signs|"
    r"prevention|training|workshop|webinar|lecture|seminar|"
    r"course on|module on|essay|paper on|research|study on|studies|statistics|stats|rates|"
    r"awareness|"
    r"hotline number|psych class|psychology class|for class|for school|homework on|"
    r"presentation (?:on|about)|report on|thesis|dissertation|"
    # (folded, "PHQ-9" keeps its hyphen); not when the answer given is yes: "I answered
    # nearly every day"
    r"(?:survey|questionnaire|phq[ -]?9|item[ -]?9){NOT_ANSWERED_YES}|screening|clinical|"
    r"clinician|nursing school|therapist training|"
    r"as a (?:nurse|counsel+or|therapist|teacher|doctor|volunteer|paramedic)|"
    r"hypothetically|hypothetical|in theory|the word|the topic|the subject|talk about (?:it|this) "
    r"(?:openly|more)|talking about (?:suicide|mental health) (?:openly|in general)|"
    r"museum|history class|historical|in the war|soldiers?|the news|reported|reporting",
)
add(
    "history.marker",
    HISTORY,
    # "the winter my band broke up", "the first Christmas after the accident"
    r"(?<!this )the (?:first )?(?:winter|summer|spring|autumn|fall|year|christmas|semester) "
    r"(?:after|before|my|mum|mom|dad|we|our)(?!\w)|"
    r"(?:years|months|decades) ago|(?:was|were) (?:back )?when i|"
    # a period of the past named as one: "There was a winter I punched walls", "As a rookie
    # cop I had a stretch", "my first year as a refugee", "I self-harmed from 13 to 19",
    # "through my whole teens", "back in the detention center", "the year I came out"
    r"there (?:was|were) (?:a|one|some) (?:winter|summer|spring|autumn|year|time|period|stretch|"
    r"phase|few years|couple of years|dark year|months?)|"
    r"as a (?:rookie|young|new|teen|teenager|kid|child|student|junior|recruit|cadet)(?!\w)|"
    r"my first (?:year|winter|months?|weeks?|christmas|semester) (?:as|in|inside|at|after|of)|"
    r"from (?:\d\d|thirteen|fourteen|fifteen|sixteen|twelve) (?:to|until|till) (?:\d\d|"
    r"eighteen|nineteen|twenty)|(?:all |right )?through (?:my|the) (?:whole |entire )?(?:teens|"
    r"twenties|school years|uni years|college years|\w+ years)|"
    r"back in (?:the|my|that|those) (?!(?:day|moment)\b)\w+|"
    r"the (?:year|month|week|summer|winter) (?:i|we) (?:came out|moved|arrived|left|lost|got|"
    r"aged out|retired)|the week i aged out|"
    r"when i (?:first )?(?:came|arrived|moved) (?:to|here|over)|me in (?:19|20)\d\d|old me|"
    r"(?:for|over) (?:a decade|(?:two|three|four|five|ten|\d+) (?:years|decades))(?= *[.,;])|"
    r"in my (?:thirties|forties|fifties)|"
    r"my (?:teens|twenties|thirties|teenage years|childhood|school years|uni years|college "
    r"years) (?:were|was)|(?:years?|months?|decades?) "
    r"since|the (?:year|time|night|summer|winter|day) (?:i|when i|that i) (?:was|tried|attempted|"
    r"wrote|cut)|last (?:winter|summer|spring|autumn|fall|christmas|easter)|when (?:we|i) (?:were|"
    r"was) (?:small|little|kids|young|children|a child)|"
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|few|couple of|"
    r"couple|many|several|some|a few|a couple of) (?:years?|yrs?|decades?|months?) ago|"
    r"(?:when|back when) i was (?:\d+|young|little|younger|a teen|a kid|in high school|"
    r"in college|at uni|fifteen|sixteen|seventeen|fourteen|thirteen|twelve|eighteen|nineteen|"
    r"a teenager|at school|in school|in middle school|a student|in my teens|in my twenties|"
    r"at my lowest|depressed|in the hospital|in hospital)|(?<!so )(?<!im )(?<!be )(?<!get )"
    r"(?<!got )(?<!am )(?<!getting )used to|in the past(?! (?:few|couple|\d|week|month|days|"
    r"hour|night))|back (?:then|in "
    r"(?:the day|high school|college|school|uni|\d+))|(?<!since )last year|(?:as|when i was) a "
    r"(?:kid|"
    r"child|teen|teenager|student)|in (?:high school|middle school|college|uni|university|my "
    r"teens|my twenties|my early|my late|19\d\d|20[0-2]\d)|growing up|a long time ago|years back|"
    r"had a (?:period|phase|time|rough patch|dark period|dark time)|"
    r"during (?:high school|college|my divorce|covid|the pandemic|that time|lockdown|my teens)|"
    r"history of|(?:years|months) before|long ago|that was (?:years|ages|a long time) ago|"
    r"(?:when|after) (?:my|the) (?:divorce|breakup|miscarriage) (?:\d+|two|three|a few) years|"
    # an age, not a clock time: "at 15 I tried", never "when my shift ends at 6"
    r"(?<!ends )(?<!end )(?<!leaves )(?<!leave )(?<!until )(?<!till )(?<!by )(?<!before )"
    r"(?<!after )(?<!around )(?<!from )(?<!work )(?<!up )(?<!off )(?<!back )(?<!home )(?<!out )"
    r"(?<!starts )(?<!finishes )(?<!closes )(?<!opens )(?<!gets )(?<!get )(?<!arrives )"
    r"at (?:[5-9]|1\d|fifteen|sixteen|fourteen|thirteen|seventeen)(?!\w)(?! ?(?:years|yrs|am|pm|"
    r"oclock|tonight|tomorrow|today|this|in the|sharp|\d|:))|"
    r"at age (?:[5-9]|1\d)|once upon a time|"
    r"before i (?:got help|started therapy|got sober|found)|old scars|scars from years|"
    r"at (?:age )?(?:[2-9]\d)(?=,? (?:i|my|we) )|back when|anniversary of (?:my|the)|"
    r"the (?:old |younger )?(?:version of me|me) (?:who|that)|the old me|"
    r"the (?:year|months?|summer|winter|spring|autumn|fall) (?:after|before) (?:the|my)",
)
add(
    "recent.marker",
    RECENT,
    r"last night|yesterday|today|this morning|this afternoon|this evening|tonight|earlier|"
    r"an hour ago|hours ago|minutes ago|just now|this week|(?:a |\d+ |two |three |few |couple "
    r"(?:of )?)?days ago|last week|again|right now|rn|currently|lately|recently|these days|"
    r"still|anymore|any more|now|this month|this year|"
    r"this semester|since then|keep|keeps|coming back|came back|are back|is back|"
    # a time ahead is now too: "one year since he died and at midnight I'm ending it"
    r"tomorrow|at midnight",
)
add(
    "recent.back",
    RECENT,
    # the past come back makes the whole message now (engine: _Context._history): "I made an
    # attempt in 2016 and got better. I'm there again."
    # (not "it's been months since those thoughts came back")
    r"(?<!since )(?<!since those )(?<!since the )(?<!since my )(?:"
    r"(?:im|i am|ive been) (?:back )?there again|(?:same|the) (?:thoughts|urges) (?:again|are "
    r"back|came back|have come back)|(?:thoughts|urges|feelings) (?:are|r|came|have come) back|"
    r"back in that (?:place|hole|dark place)|its happening again|here i am again)",
)
add(
    "recovery.marker",
    RECOVERY,
    r"now (?:im|i am|i feel|things are|life is|its|it is|i feel|ive been|im doing|i am doing) "
    r"(?:(?:so|much|a lot|way|really|pretty|mostly|actually|finally|genuinely) )?(?:better|good|"
    r"ok|okay|fine|well|happy|happier|safe|safer|stable|great|alright|all right|in a good place|"
    r"different|over|calm|calmer|at peace|grateful|glad|proud|content|healthy|sober|clean|free)"
    r"(?!\w)|now (?:i love|i want to live|i enjoy|doing (?:better|well|good|ok|okay|great|fine))|"
    # a new role or a life rebuilt: "now i'm a senior", "now I have work and friends"
    r"now (?:im|i am) (?:a|an) (?!(?:burden|mess|wreck|ghost|danger|problem|shell|zombie)(?!\w))"
    r"\w+|now (?:i have|ive got|i got) (?:a job|work|friends|a family|kids|a son|a daughter|a "
    r"home|a house|my own|citizenship|papers)|(?:it|things|life) (?:is|are|feels) (?:so |much |a "
    r"lot |way )?better(?! (?:off|to|if|without|dead))|"
    r"doing (?:much |so much |a lot |way )?(?:better|well|good|ok|okay|great|fine)|"
    r"in a (?:good|better|much better|great) place|(?:im|i am) (?:ok|okay|fine|better|safe|good|"
    r"stable|happy|glad)(?: now| these days| today)|clean (?:for|since)|(?:\d+|a|one|two|three|"
    r"four|"
    r"five|six) (?:years?|months?|days?|weeks?) clean|recovered|in recovery|got help|got better|"
    r"free (?:of|from) (?:self harm|sh|cutting|it)|"
    # "haven't cut since March", not "haven't done anything (yet)": not acting is no recovery
    r"(?:havent|have not|hasnt) (?:done|cut|self harmed|hurt myself|had|felt|thought|"
    r"relapsed)(?! anything)(?!(?: \w+){0,3} yet(?!\w))(?! it yet)|"
    r"glad (?:i|im) (?:didnt|still here|alive)|grateful (?:to be|i am|im) (?:alive|"
    r"here)|(?:it|things|life) got better|therapy helped|healed|(?:so )?much better now|"
    r"proud of (?:how far|myself)|(?:feels|seems) like (?:another|a different) life|another "
    r"lifetime ago|training to be a peer|peer supporter|"
    # then and now: "I'm 66 now, remarried", "Fifteen years later I walked past it"
    r"(?:im|i am) (?:\d\d|sixty|seventy|eighty|fifty|forty|thirty)\w* now|(?:\d+|two|three|four|"
    r"five|six|seven|eight|nine|ten|fifteen|twenty|thirty|many) years later|now (?:weve|we have|"
    r"ive|i have) (?:rebuilt|recovered|moved on)|today (?:im|i am) "
    r"(?:a|an) (?!(?:burden|mess|wreck|ghost|danger|problem|shell|zombie)(?!\w))\w+",
)

RULES: tuple[Rule, ...] = tuple(_book.rules)
