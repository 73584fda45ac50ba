"""Spanish lexicon: the same kinds of signal and counter-signal as `lexicon_en`.

Patterns match folded text: no accents ("está" -> "esta", "daño" -> "dano"), lower case,
doubled letters kept once. Ids read `es.<group>.<name>`.
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
    "ADV": r"(?: (?:ya|solo|solamente|simplemente|de verdad|realmente|en serio|literalmente|"
    r"tanto|mucho|muchisimo|a veces|mejor|nada mas|ya no|otra vez|de una vez))*",
    "QUIERO": alt(
        "quiero",
        "kiero",
        "qiero",
        "quisiera",
        "queria",
        "me gustaria",
        "deseo",
        "desearia",
        "necesito",
        "tengo ganas de",
        "me dan ganas de",
        "me entran ganas de",
        "siento ganas de",
        "ganas de",
        "pienso en",
        "pienso",
        "estoy pensando en",
        "he pensado en",
        "pensando en",
        "voy a",
        "boy a",
        "quiero ya",
        "prefiero",
        "preferiria",
        "quiere",
        "quieren",
        "quisiera poder",
        "solo quiero",
        "me quiero",
        "me voy a",
        "me gustaria",
        "estoy por",
        "planeo",
        "estoy decidid[oa] a",
        "decidi",
        "tengo que",
    ),
    "MORIR": alt(
        "morir",
        "morirme",
        "morime",
        "estar muert[oa]",
        "matarme",
        "suicidarme",
        "quitarme la vida",
        "acabar con (?:mi vida|todo|esto|mi existencia)",
        "terminar con (?:mi vida|todo|esto)",
        "desaparecer(?: para siempre| del mundo)?",
        "dejar de existir",
        "no existir",
        "no despertar(?: nunca| mas| jamas)?",
        "dormir para siempre",
        "dormirme (?:para siempre|y no despertar)",
        "irme para siempre",
        "irme de este mundo",
        "dejar este mundo",
        "no estar aqui",
        "no estar mas aqui",
        "ya no estar",
        "desvivirme",
        "tirarme(?: (?:de|por|del|desde|al|a las) \\w+)?",
        "aventarme",
        "colgarme",
        "ahorcarme",
        "cortarme las venas",
        "envenenarme",
        "tomarme (?:todas )?las pastillas",
        "hacerlo",
        "morir(?:me)? ya",
        "irme con (?:el|ella|ellos|mi \\w+)",
        "estar con (?:el|ella|ellos|mi \\w+) (?:otra vez|de nuevo|en el cielo)",
        "\U0001faa6",
        "\u26b0",
    ),
    "AGENTE": alt(
        "el",
        "ella",
        "ellos",
        "ellas",
        "mi (?:\\w+ )?(?:papa|padre|mama|madre|padrastro|madrastra|hermano|hermana|novio|novia|"
        "esposo|esposa|marido|mujer|pareja|ex|tio|tia|abuelo|abuela|primo|prima|jefe|jefa|"
        "profesor|profesora|maestro|maestra|entrenador|vecino|vecina|companero|companera|"
        "familia|padres|suegro|suegra|cunado|cunada|hijo|hija)",
        "alguien",
        "un (?:hombre|senor|chico|tipo|companero|profesor)",
        "unos chicos",
        "(?:los|las) (?:chicos|chicas|companeros|companeras) (?:de|del) \\w+",
    ),
    "PASTILLAS": alt(
        "pastillas",
        "pildoras",
        "medicamentos",
        "medicinas",
        "tabletas",
        "calmantes",
        "somniferos",
        "paracetamol",
        "\U0001f48a",
    ),
}

_book = RuleBook("es", MACROS)
add = _book.add

# --- suicidio: ideación -------------------------------------------------------------------
add(
    "ideation.quiero_morir",
    URGENT,
    r"{QUIERO}{ADV} {MORIR}",
    SUICIDE,
    "talks about wanting to die",
    hyperbole=True,
)
add(
    "ideation.me_quiero_morir",
    URGENT,
    r"(?:me|se|m) (?:quiero|kiero|quiere|quisiera|queria|voy|va|iba) (?:a )?(?:morir|matar|"
    r"suicidar|"
    r"quitar la vida|ir para siempre|desaparecer)|me (?:mato|suicido|quito la vida)(?! de)",
    SUICIDE,
    "talks about wanting to die or kill themself",
    hyperbole=True,
)
add(
    "ideation.tercero",
    URGENT,
    # someone else's words: "mi novio piensa en tirarse a las vías", "dice que si lo corren se
    # avienta del puente", "bromea todo el tiempo con desvivirse" (the reflexive tells whose)
    r"(?:quiere|queria|piensa|pensaba|habla|hablaba|bromea|bromeaba|amenaza|amenazo|va a|iba a|"
    r"intento|dice|dijo)(?: \w+){0,4} "
    r"(?:desvivirse|tirarse|aventarse|colgarse|ahorcarse|envenenarse|lanzarse|arrojarse)|"
    r"se (?:avienta|tira|lanza|arroja|cuelga)(?: \w+){0,2} (?:del|de un|de una|desde|al|a las|"
    r"a la) (?:puente|edificio|azotea|techo|balcon|ventana|vias|metro|tren|rio|barranco|"
    r"acantilado)",
    SUICIDE,
    "talks about wanting to die or kill themself",
)
add(
    "harm.amenaza_tercero",
    URGENT,
    # a threat between others the writer saw: "le gritó que la iba a matar"
    r"(?:le|les) (?:grito|gritaba|dijo|decia|amenazo|escribio|mando)"
    r"(?: a (?:su|sus|la|el|los|las) \w+)? que (?:la|lo|los|las|le|les) (?:iba|va|iban|van) a "
    r"(?:matar|ahorcar|apunalar|quemar|golpear|pegar|partir la madre)",
    HARM_TO_OTHERS,
    "talks about harming someone",
    person="other",
)
add(
    "ideation.matarme",
    URGENT,
    r"matarme|suicidarme|quitarme la vida|suicidio|suicida|suicidar\w*|me suicid\w*|"
    r"autoeliminarme|autoeliminacion|sucidarme|suisidarme|suicidio",
    SUICIDE,
    "talks about suicide",
)
add(
    "ideation.no_quiero_vivir",
    URGENT,
    r"(?:no|ya no|ni|nunca|tampoco) (?:\w+ ){0,2}(?:quiero|quiere|tengo ganas de|deseo|puedo|"
    r"se si quiero|me interesa) (?:seguir )?(?:vivir|viviendo|vivo|existir|despertar|estar aqui|"
    r"estar vivo|estar viva|seguir (?:aqui|adelante|con vida|asi|con esto)|levantarme|continuar)"
    # a home, not a life: "no quiero vivir en esta casa", "ni quiero vivir con mis suegros"
    r"(?! (?:en|con|cerca de|lejos de) (?:esta|este|esa|ese|la|el|un|una|mi|mis|su|sus|otra|"
    r"otro) (?:casa|piso|departamento|depa|apartamento|ciudad|pueblo|barrio|pais|cuarto|"
    r"residencia|colonia|zona|calle|edificio|suegros?|suegras?|padres|papas|tios?|tias?))",
    SUICIDE,
    "does not want to live",
    negatable=False,
)
add(
    "ideation.no_aguanto",
    URGENT,
    r"(?:ya )?no (?:aguanto|soporto|puedo|resisto) (?:mas|nada mas|con (?:esto|mi vida|todo)|"
    r"seguir|vivir asi|un dia mas|mas esta vida)|ya no (?:aguanto|puedo|doy) mas|"
    r"no (?:doy|puedo) para mas|(?:estoy|me siento) (?:harto|harta|cansado|cansada) de "
    r"(?:vivir"
    r"(?! (?:de arrimad[oa]|con (?:mi|mis|la|el|los|las)|en (?:esta|este|la|el|un|una)|"
    r"aqui|asi de|donde|de prestado))"
    r"|la vida|existir|todo|estar viv[oa])|(?:me rindo|me quiero rendir)|"
    # "ya no quiero seguir en este mundo"
    r"(?:ya )?no quiero seguir (?:en este mundo|aqui|viviendo|existiendo|en esta vida|con vida)",
    SUICIDE,
    "says they cannot go on",
    negatable=False,
)
add(
    "ideation.carga",
    URGENT,
    r"(?:soy|seria|ser|siento que soy|me siento|solo soy) (?:una |un )?(?:carga|estorbo|"
    r"molestia|problema para todos)|(?:estarian|estaria|estan|estarán|estaran|vivirian|"
    r"seria|serian|todos estarian|estaría) (?:todos )?mejor sin mi|"
    r"(?:nadie|ninguno) (?:me )?(?:extranaria|echaria de menos|notaria|se daria cuenta)",
    SUICIDE,
    "feels like a burden",
    negatable=False,
)
add(
    "ideation.sin_razon",
    URGENT,
    r"(?:no tengo|no hay|sin|no encuentro|no veo|perdi (?:la|las)) (?:ninguna )?(?:razon|razones|"
    r"motivo|motivos|sentido|ganas|nada) (?:para|de|por (?:el|la|lo) que) (?:vivir|seguir|"
    r"existir|levantarme|despertar)|la vida no (?:tiene sentido|vale la pena)|"
    r"(?:no|ya no) vale la pena (?:vivir|seguir|estar aqui)|no le (?:veo|encuentro) sentido a "
    r"(?:la vida|vivir|nada|seguir)|nada tiene sentido|(?:para que|pa que) (?:seguir|vivir)",
    SUICIDE,
    "sees no reason to live",
    negatable=False,
)
add(
    "ideation.pensamientos",
    URGENT,
    r"pensamientos (?:suicidas|de (?:muerte|suicidio|matarme|morir|quitarme la vida|"
    r"hacerme dano))|(?:estoy|me siento|ando|soy) suicida|ideas? (?:suicidas|de (?:muerte|"
    r"suicidio|matarme))|(?:pienso|pensando|pense|he pensado|pensaba) (?:mucho )?(?:en )?"
    r"(?:la muerte|morir|morirme|matarme|suicidarme|el suicidio|quitarme la vida|"
    r"como (?:matarme|morir|suicidarme|hacerlo))",
    SUICIDE,
    "has suicidal thoughts",
)
add(
    "ideation.ojala",
    URGENT,
    r"ojala (?:no )?(?:me muriera|me muera|estuviera muert[oa]|no hubiera nacido|desapareciera|"
    r"no despertara|no despierte|me atropelle|me atropellara|no existiera|me pasara algo)|"
    r"(?:quisiera|deseo|desearia) no haber nacido|(?:no despertar|no despertarme) (?:nunca|mas|"
    r"jamas|manana)|(?:dormir|dormirme) y no (?:volver a )?despertar",
    SUICIDE,
    "wishes to be dead or never born",
    negatable=False,
    escalates=False,
)
add(
    "ideation.no_estare",
    URGENT,
    r"(?:pronto )?(?:ya )?no (?:sere|voy a ser|vas a tener|van a tener|tendran|tendras) "
    r"(?:un |una )?(?:problema|carga|molestia|que preocupar\w*|que aguantarme)|"
    r"no (?:estare|voy a estar) (?:aqui |por aqui )?(?:mucho tiempo|por mucho|manana|"
    r"para (?:siempre|ver))|pronto (?:todo )?(?:acabara|terminara|estare en paz|sere libre)|"
    r"(?:esto|todo) (?:se acaba|termina|se termina|acabara) (?:pronto|hoy|esta noche|manana)",
    SUICIDE,
    "hints they will not be around much longer",
    negatable=False,
)
add(
    "ideation.desesperanza",
    CONCERN,
    r"sin esperanza|no hay salida|no veo salida|no tengo futuro|odio mi vida|me odio|"
    r"no valgo nada|me siento vaci[oa]|no sirvo para nada|todo me da igual",
    SUICIDE,
    "sounds hopeless",
)

# --- suicidio: plan, medios, momento, intento, despedida ---------------------------------
add(
    "acute.intent",
    ACUTE,
    r"(?:voy a|me voy a|estoy por|estoy a punto de|hoy (?:me|lo)|esta noche (?:me|lo)|"
    r"ya decidi|planeo|pienso) (?:matarme|suicidarme|hacerlo|"
    r"quitarme la vida|quitar la vida|tirarme|aventarme|colgarme|ahorcarme|tomarme (?:todas )?las|"
    r"tomar (?:todas )?las {PASTILLAS}|acabar con todo|acabar con mi vida|cortarme las venas|"
    r"despedirme)|me (?:mato|suicido) (?:hoy|esta noche|manana|ya)|"
    r"me voy a (?:matar|suicidar|quitar la vida)(?: hoy| esta noche| manana| ya)",
    SUICIDE,
    "says they intend to end their life",
)
add(
    "acute.plan",
    ACUTE,
    r"(?:tengo|ya tengo|hice|tengo todo) (?:un |el |todo )?plan(?:eado)?|"
    r"(?:ya )?(?:elegi|escogi|decidi) (?:el|la) (?:dia|fecha|lugar|momento|metodo|forma)|"
    r"(?:se|sé) (?:como|cuando|donde) (?:lo voy a hacer|hacerlo|matarme)|"
    r"(?:busque|buscando|investigue|investigando) (?:como|formas de|maneras de) "
    r"(?:matarme|morir|suicidarme)|carta (?:suicida|de despedida)|"
    r"(?:dosis) (?:letal|mortal)",
    SUICIDE,
    "describes a plan or method",
)
add(
    "acute.means",
    MODIFIER,
    r"(?:tengo|compre|consegui|guardo|guardando|junte|juntando|escondi|escondo) "
    r"(?:las |unas |muchas |un monton de |todas las |suficientes )?(?:{PASTILLAS}|cuerda|soga|"
    r"arma|pistola|navaja|cuchillo|cuchillas|veneno|cutter)|(?:el|un|del) (?:puente|edificio|"
    r"balcon|techo|azotea|tren|vias)",
    "",
    "mentions a means",
)
add(
    "acute.time",
    MODIFIER,
    r"esta noche|hoy mismo|manana|este fin de semana|cuando (?:todos|todo el mundo|mis padres|"
    r"mi familia) (?:se )?(?:duerma|duerman|este dormido|esten dormidos|se vaya|se vayan)|"
    r"ya es hora|ahora mismo|pronto",
    "",
    "mentions a time",
)
add(
    "acute.rehearsal",
    MODIFIER,
    r"(?:escribi|deje|escribiendo) (?:una |mi |las )?(?:carta|cartas|nota|testamento)|"
    r"(?:regale|regalando|voy a regalar|regalo|di|doy) (?:todas )?(?:mis cosas|mi \w+)|"
    r"(?:ya )?me despedi|practique|ensaye",
    "",
    "mentions preparations",
)
add(
    "acute.attempt_now",
    ACUTE,
    r"(?:me )?(?:tome|trague|me tome|me trague|acabo de tomar|acabo de tomarme) "
    r"(?:todas |un monton de |muchas |demasiadas |varias |\d+ |la caja de |el frasco de )?"
    r"(?:las |mis )?{PASTILLAS}|(?:estoy|me encuentro) (?:en|sobre) (?:el|la|un|una) (?:puente|"
    r"borde|azotea|techo|vias|cornisa)|(?:me corte|corte) (?:las venas|muy profundo|demasiado)|"
    r"no (?:para|deja) de sangrar|la soga (?:esta|en) (?:lista|mi cuello)",
    SUICIDE,
    "describes a suicide attempt happening now",
)
add(
    "acute.attempted",
    ACUTE,
    r"(?:intente|intento|intentaba|trate de|he intentado|intentado) (?:\w+ )?(?:matarme|"
    r"suicidarme|quitarme la vida|morir|ahorcarme|tirarme|cortarme las venas|acabar con mi vida)|"
    r"intento de suicidio|(?:mi|un|otro|primer|ultimo) intento",
    SUICIDE,
    "describes a suicide attempt",
    past=True,
)
add(
    "acute.goodbye",
    ACUTE,
    r"(?:me )?(?:despido|despedirme|estoy despidiendome|quiero despedirme|vengo a despedirme)"
    r"(?: (?:de )?(?:todos|ustedes|ti|vosotros|para siempre))?|"
    r"(?:este es|esta es|es) (?:mi )?(?:ultimo|ultima|el ultimo|la ultima) (?:mensaje|carta|"
    r"vez|post|publicacion)|carta de despedida|adios (?:a todos|para siempre|mundo|mundo cruel)|"
    r"(?:cuando|para cuando) (?:lean|leas|vean|veas) esto|"
    r"(?:cuiden|cuida|cuidad) (?:a )?(?:mi|mis) \w+ (?:por mi|cuando no este|cuando ya no este)|"
    r"cuando (?:ya )?no este|(?:perdon|perdonenme|perdoname) por todo(?: \w+){0,5} "
    r"(?:adios|los quiero|te quiero)|(?:los|las) quiero (?:a todos|mucho)(?: \w+){0,3} adios",
    SUICIDE,
    "writes a goodbye or final message",
)
add(
    "acute.regalar",
    ACUTE,
    r"(?:regale|regalando|voy a regalar|estoy regalando|regalo|di|estoy dando|doy) "
    r"(?:todas )?(?:mis cosas|mis pertenencias|todo lo que tengo|mi ropa|mis libros|mi \w+ "
    r"porque ya no)|ya no (?:lo|la|los|las) (?:voy a )?necesitar|hice (?:mi|el) testamento",
    SUICIDE,
    "is giving things away",
)

# --- autolesión ---------------------------------------------------------------------------
add(
    "self_harm.me_corto",
    URGENT,
    r"(?<!se )(?:me|se) (?:corto|corta|cortan|quema|lastima|golpea|corte|cortaba|estoy cortando|he "
    r"cortado|"
    r"sigo cortando|vuelvo a cortar|"
    r"volvi a cortar|quemo|queme|quemaba|lastimo|lastime|lastimaba|hago dano|hice dano|hacia dano|"
    r"golpeo|golpeaba|rasguno|rasgune|araño|arano|arane|muerdo|mordi|rayo|raye|pincho|castigo|"
    r"autolesiono|autolesione|he lastimado|hago cortes|hice cortes)"
    r"(?! (?:el pelo|el cabello|las unas|el flequillo|cocinando|con el cuchillo de cocina|sin "
    r"querer|"
    r"por accidente|con la plancha|con el horno|afeitandome|de la|del|con (?:el|la) (?:sarten|"
    r"olla))"
    r"|a \w+|la \w+ con)|"
    r"(?:cortarme|cortandome|quemarme|quemandome|lastimarme|lastimandome|hacerme dano|"
    r"haciendome dano|golpearme|golpeandome|rasgunarme|aranarme|morderme|castigarme|"
    r"autolesionarme|autolesionandome|cortarse|lastimarse|hacerse dano)"
    r"(?! (?:el pelo|el cabello|las unas|sin querer|por accidente|cocinando))",
    SELF_HARM,
    "talks about hurting themself",
)
add(
    "self_harm.autolesion",
    URGENT,
    r"autolesion(?:es|arme|o|ar)?|auto lesion\w*|cortes (?:nuevos|frescos|en (?:los|mis) "
    r"(?:brazos|piernas|munecas|muslos))|(?:recai|volvi a recaer|recaida)(?: \w+){0,6} "
    r"(?:cort\w*|autolesi\w*|cuchilla|navaja)|(?:cort\w*|cuchilla|navaja)(?: \w+){0,6} "
    r"(?:recai|recaida)|(?:ganas|impulsos?|necesidad) de (?:cortarme|lastimarme|hacerme dano|"
    r"autolesionarme|quemarme|golpearme|sangrar)|(?:escondo|esconder|tapar|tapo) (?:mis |las )?"
    r"(?:cicatrices|cortes|heridas)|(?:merezco|me merezco) (?:sufrir|el dolor|dolor|que me duela)|"
    r"(?:dejo de comer|no como|dejar de comer|no comer) para castigarme|"
    r"me pego (?:a mi mism[oa]|en la cabeza|contra la pared)|"
    r"(?:me golpeo|golpeo) (?:la cabeza|contra la pared)",
    SELF_HARM,
    "talks about self-harm",
)

# --- daño a otros -------------------------------------------------------------------------
add(
    "harm.intent",
    URGENT,
    r"(?:lo|la|los|las|te|les) (?:voy a|vamos a|quiero|quisiera|pienso|tengo ganas de|"
    r"me dan ganas de) (?:matar|apunalar|disparar|ahorcar|envenenar|lastimar|golpear|"
    r"hacer dano|acuchillar|destrozar|reventar)|"
    r"(?:voy a|quiero|pienso|tengo ganas de|me dan ganas de|ganas de) (?:matar|apunalar|"
    r"disparar|envenenar|lastimar|golpear|hacerle dano|hacerles dano|acuchillar) "
    r"(?:a (?:mi|ese|esa|el|la|los|las|todos|alguien|\w+)|lo|la|los)|"
    r"(?:matarlo|matarla|matarlos|matarlas|apunalarlo|apunalarla|dispararle|dispararles|"
    r"envenenarlo|envenenarla|lastimarlo|lastimarla|ahorcarlo|ahorcarla)"
    r"(?! (?:de risa|a besos|con la mirada))|(?:me da miedo|tengo miedo de) (?:hacerle dano|"
    r"lastimar|hacer dano) a|"
    # "le voy a meter el cuchillo", "le voy a dar un tiro"
    r"(?:le|les) (?:voy a|vamos a|quiero|pienso) (?:meter|clavar|enterrar|dar|pegar|sorrajar) "
    r"(?:el|un|unos|dos|tres) (?:cuchillo|cuchillazo|fierro|punal|punalada|navaja|navajazo|plomo|"
    r"balazo|balazos|tiro|tiros|machetazo)",
    HARM_TO_OTHERS,
    "talks about harming someone",
    hyperbole=True,
)
add(
    "harm.weapon",
    ACUTE,
    r"(?:llevar|llevo|traer|traigo|voy a llevar|voy a traer) (?:un arma|una pistola|un cuchillo|"
    r"una navaja|armas) (?:a|al) (?:la escuela|el colegio|el trabajo|clase|la universidad|"
    r"la oficina|escuela|colegio|trabajo)|(?:van|va) a pagar(?:lo)? (?:caro|todos)?|"
    r"(?:se van|se va) a arrepentir",
    HARM_TO_OTHERS,
    "threatens violence against others",
)

# --- abuso e inseguridad ------------------------------------------------------------------
add(
    "abuse.me_pega",
    URGENT,
    r"(?<!se )me (?:pega|pegan|pegaba|pegaban|golpea|golpean|golpeaba|golpeaban|golpeo|"
    r"golpearon|maltrata|maltratan|maltrataba|amenaza|amenazan|amenazo|amenazaba|obliga a|"
    r"obligan a|obligo a|obligaba a|viola|violo|violaron|violaba|ahorca|ahorco|ahorcaba|"
    r"estrangula|estrangulo|patea|pateo|patean|empuja|empujo|empujaba|abofetea|abofeteo|"
    r"cachetea|cacheteo|encierra|encerro|encerraba|quema|quemo con|acosa|acosan|acosaba|"
    r"humilla|humillan|insulta y me pega|tira cosas|lanza cosas|dio una paliza|dieron una "
    r"paliza|da palizas|dan palizas|lastima|lastimo|hace dano|hizo dano|toca|toco|tocaba|"
    r"manosea|manoseo|manoseaba|sigue|persigue|vigila|controla|revisa|quita)"
    r"(?! (?:el turno|trabajar|lavar|a mi|la cabeza|la ropa|cocinar|hacer|ir|pagar|la comida|"
    r"de risa|mucho la cancion|el sol|esta cancion|la musica|"
    # "me tocó declarar", "me toca revisar mi plan": a turn to do something
    r"\w+(?:ar|er|ir)(?:le|les|lo|la|los|las|me|te|se|nos)?(?!\w)|(?:(?:el|la|un|una) )?(?:junta|"
    r"reunion|guardia|cita|examen|parcial|exposicion|presentacion|libro|lectura|novela|obra|tarea|"
    r"turno|tema|grupo|equipo|pedro|autor)(?!\w)))",
    ABUSE,
    "says someone hurts, threatens or controls them",
    person="self",
)
add(
    "abuse.abuso",
    URGENT,
    r"(?:abuso|abusaron|abusa|abusaba|abusan) de mi|(?:fui|he sido|soy) (?:victima de )?"
    r"(?:abusad[oa]|violad[oa]|golpead[oa]|maltratad[oa]|acosad[oa]|amenazad[oa])|"
    r"(?:me han|me ha) (?:pegado|golpeado|violado|abusado|amenazado|tocado(?! (?:(?:la |el )?"
    r"(?:guardia|turno|loteria|gordo)|\w+(?:ar|er|ir)(?:le|lo|la|les)?(?!\w))))|"
    r"violencia (?:domestica|de genero|en casa|intrafamiliar)|abuso sexual|"
    r"(?:tocaba|toco|toca) (?:mis partes|donde no debe|donde no debia|sin mi permiso)",
    ABUSE,
    "describes abuse",
    person="self",
)
add(
    "abuse.miedo_casa",
    URGENT,
    r"(?:tengo|me da|siento|me dan) (?:mucho )?miedo (?:de |a )?(?:volver|regresar|ir|llegar|"
    r"estar) (?:a |en )?(?:mi |la )?casa|no me siento (?:segur[oa]|a salvo) (?:en (?:mi |la )?casa|"
    r"con (?:el|ella|ellos|mi \w+)|aqui)|(?:tengo|me da) miedo de (?:el|ella|mi \w+)|"
    r"(?:me|nos) (?:echaron|corrieron|sacaron|echo|corrio) de (?:la |mi )?casa|"
    r"(?:no tengo|sin) (?:donde|a donde|adonde) (?:ir|dormir|quedarme|vivir)|"
    r"(?:duermo|dormi|vivo) en la calle|(?:dijo|dice|amenazo con|jura) que (?:me va a|me iba a|"
    r"me va) (?:matar|pegar|lastimar|golpear|matarme)|(?:me|nos) va a matar(?! si)|"
    r"no me deja (?:salir|ver|hablar|tener|trabajar|ir|usar|estudiar)|"
    r"(?:controla|revisa|se queda con|me quita) (?:todo )?(?:mi|mis) (?:dinero|celular|telefono|"
    r"mensajes|sueldo|tarjeta|cuenta|pasaporte)",
    ABUSE,
    "is scared to be at home or is controlled",
    person="self",
)

# --- más formas indirectas ----------------------------------------------------------------
add(
    "ideation.mas",
    URGENT,
    r"(?:dios|diosito|el senor)(?: \w+){0,3} (?:me lleve|se me lleve|me recoja|me lleve ya)|"
    r"(?:que|para que) (?:dios )?me (?:lleve|recoja) (?:de una vez|ya|pronto|con el)|"
    r"(?:pedia|rogaba|rezaba|suplicaba)(?: \w+){0,5} que me (?:llevara|llevase|recogiera)|"
    r"(?:nadie|ninguno|nadie me)(?: \w+)? (?:extranaria|echaria de menos|notaria|se daria cuenta|"
    r"lo notaria|me extranaria)|"
    r"si (?:me muriera|me muero|desapareciera|me fuera|no despertara)(?: \w+){0,5} "
    r"(?:nadie|alivio|mejor|descanso|paz|que importa)|"
    r"(?:no|ya no|ni) (?:\w+ ){0,2}(?:quiero|kiero|qiero|quiere) (?:seguir|estar)(?= *(?:$|[^\w ]| "
    r"sin| asi|"
    r" aqui| mas))|(?:para que|pa que|por que) (?:sigo|seguir) (?:aqui|viv[oa]|vivo|con vida|"
    r"existiendo)|(?:para que|pa que) sigo(?= *(?:$|[^\w ]))|"
    r"sobro (?:en este mundo|aqui|en todos lados)|"
    r"(?:lo )?mejor seria (?:no existir|morirme|morir|desaparecer|no estar|no despertar|irme)|"
    r"seria mejor (?:morir\w*|no existir|desaparecer|no estar|no despertar|irme)|"
    r"(?:por fin|al fin|pronto) (?:descanso|voy a descansar|descansare|estare en paz)|"
    # "si no voy al grupo no se preocupen, significa que ya estoy en paz"
    r"(?:significa|quiere decir|sera) que (?:ya )?(?:estoy|estare|descanso) en paz|"
    r"ya estare en paz|"
    r"(?:ya )?no hago planes|deje de hacer planes|no tiene caso (?:hacer planes|seguir)|"
    r"(?:me|te|se) (?:voy|va) de este mundo|(?:irme|me ire|me voy) (?:de este mundo|para siempre)|"
    r"ya no (?:kiero|qiero) vivir|ya no (?:tengo|le veo) (?:ganas|sentido)"
    # not "ya no tengo ganas de cortarme": no longer wants to hurt themself
    r"(?! de (?:cortarme|lastimarme|hacerme dano|quemarme|golpearme|pegarme|beber|fumar|"
    r"tomar alcohol|drogarme)(?!\w))",
    SUICIDE,
    "talks about wanting to die",
    negatable=False,
)
add(
    "ideation.kiero",
    URGENT,
    r"(?:kiero|qiero|quiero) (?:morir\w*|matarme|desaparecer|suicidarme)|me (?:kiero|qiero) "
    r"(?:matar|morir)|(?:el|la) (?:\U0001faa6|\u26b0)|(?:\U0001faa6|\u26b0)",
    SUICIDE,
    "talks about wanting to die",
)
add(
    "acute.mas",
    ACUTE,
    r"(?:mi |la |esta es mi )?(?:ultima|ultimo) (?:entrada|nota|mensaje|carta|publicacion)|"
    r"(?:esta noche|hoy|manana|el \w+) lo hago|lo hago (?:hoy|esta noche|manana)|"
    r"(?:ya )?lo decidi|todo (?:esta |queda )?decidido|"
    r"(?:hoy|manana|el \w+|esta noche) es (?:el dia|la noche)|"
    r"cartas? (?:estan |esta )?escritas?|cartas? de despedida|todo listo para (?:manana|hoy|"
    r"esta noche|el \w+)|(?:deje|tengo|puse|dejo) todo (?:ordenado|arreglado|en orden|listo)|"
    r"(?:deje|escribi|dejo)(?: \w+){0,8} (?:una )?carta (?:para|a) (?:mi|mis|mi \w+)|"
    r"(?:pastillas|pastiyas|pildoras|cuerda|soga|pistola|arma|navaja)(?: \w+){0,3} (?:en la mano|"
    r"en mi mano|listas|lista|en la mesa|frente a mi|conmigo)|"
    r"(?:ya )?(?:me )?despedi(?: \w+){0,3} de|me (?:las|los) (?:tome|trague)(?: todas| todos)?|"
    r"(?:tome|me tome|m tome|trague) (?:todas )?(?:las |mis )?(?:pastillas|pastiyas|pildoras)"
    r"(?: todas)?|(?:estoy|stoy|toy|aqui|ya estoy) (?:en|n|sobre|arriba de) (?:la|el) (?:via|vias|"
    r"puente|azotea|borde|techo|cornisa|barranco|acantilado)|"
    r"cuiden (?:a )?(?:mi|mis) \w+|(?:ya no|no) (?:lo|la|los|las) (?:voy a |vamos a )?necesitar|"
    r"ni ninguna otra|(?:\U0001f48a ?){2,}|(?:\U0001faa6|\u26b0) ?(?:hoy|esta noche|manana)",
    SUICIDE,
    "describes a final step, a set time or an attempt",
)
add(
    "self_harm.mas",
    URGENT,
    r"(?:me )?(?:rasco|rasque|rascarme|arano|pellizco|muerdo|golpeo|corto|quemo|pego|clavo) "
    r"(?:\w+ )?hasta (?:sangrar|que sangr\w*|hacerme dano|sacarme sangre|que duel\w*)|"
    r"manga larga(?: \w+){0,4} (?:verano|calor|otra vez|ya saben)|"
    r"(?:fue|no fue|que fue) el gato|(?:recai|recaida|volvi a recaer)(?: \w+){0,4} (?:en el )?sh|"
    r"(?:dia|día) (?:0|cero)|(?:curitas|vendas)(?: \w+){0,4} (?:otra vez|ya saben)",
    SELF_HARM,
    "describes self-harm indirectly",
)
add(
    "harm.mas",
    URGENT,
    r"(?:ganas de|quiero|voy a|boy a|me dan ganas de|pienso en|tentad[oa] a) (?:pegarle|golpearle|"
    r"golpearlo|golpearla|lastimarlo|lastimarla|hacerle dano|matarlo|matarla|ahorcarlo|"
    r"sacudirlo|zarandearlo|romperle la cara|partirle la madre|partirle la cara|darle una paliza|"
    r"ahorcarla|apunalarlo|apunalarla)|"
    r"(?:le|les) (?:voy a|boy a|vamos a) (?:romper la cara|partir la madre|partir la cara|dar "
    r"una paliza|pegar|meter un tiro|clavar|sacar la sangre)|"
    r"(?:lo|la|los|las|te) (?:mato|mataria|matare|boy a matar|voy a matar)(?! (?:de risa|a besos|"
    r"el tiempo))|"
    r"(?:lo|la|los) (?:espero|voy a esperar|busco|voy a buscar)(?: \w+){0,5} con (?:un|una|mi) "
    r"(?:cuchillo|navaja|pistola|arma|bate|machete)|"
    r"le (?:pegue|golpee|di una cachetada|di una paliza) a (?:mi|mis) \w+|"
    r"quiero que (?:\w+ ){0,3}(?:sufra|sufran|muera|mueran|pague|paguen|se muera)|"
    r"(?:echarle|ponerle|meterle) algo (?:en|a) (?:la|su) (?:comida|bebida|cafe)|"
    r"me (?:las|la) (?:va|van) a pagar|(?:ya )?se donde vive|"
    r"(?:lleve|traje|traigo) (?:un arma|una pistola|un cuchillo|una navaja|armas) (?:a|al) \w+",
    HARM_TO_OTHERS,
    "talks about harming someone",
    person="self",
    hyperbole=True,
)
add(
    "abuse.mas",
    URGENT,
    r"{AGENTE}(?: \w+){0,3} me (?:pego|golpeo|empujo|ahorco|violo|toco|amenazo|quemo|lastimo|"
    r"encerro|jalo|arrastro|aventó|avento)|"
    r"(?:me va a|va a|me iba a) (?:matar|pegar|golpear|lastimar) si (?:lo |la |le )?(?:denuncio|"
    r"digo|cuento|hablo|me voy|dejo|aviso)|"
    r"si no (?:salgo|me acuesto|tengo sexo|le mando|le envio)(?: \w+){0,2} (?:con|me)|"
    r"(?:dije|les dije|digo|dijimos) que me (?:cai|golpee|pegue con)|"
    # (not "me encerré en el baño cinco minutos a respirar")
    r"me (?:encerre|escondi) (?:en|de)(?!(?: \w+){0,4} (?:a respirar|a llorar|para llorar|"
    r"para respirar|sintiendome|un rato|cinco minutos|unos minutos|diez minutos))|"
    r"(?:esta|anda) rompiendo (?:todo|cosas)|"
    r"no puedo (?:volver|regresar|ir) a (?:mi )?casa|"
    r"(?:entra|se mete|viene) (?:a|en) mi (?:cuarto|cama|habitacion)|"
    r"ya me pego|me pego (?:otra vez|again|de nuevo|anoche|ayer|hoy)",
    ABUSE,
    "describes being hurt, threatened or controlled",
    person="self",
)

add(
    "abuse.moretones",
    URGENT,
    # whose bruises they are is read from the sentence: "tengo moretones", not "mi vecina
    # tiene moretones"
    r"moretones|moretes",
    ABUSE,
    "describes being hurt, threatened or controlled",
)

# --- otras voces: registro formal, personas mayores, adolescentes, variantes regionales ---
add(
    "ideation.regional",
    URGENT,
    r"(?:me quiero|quiero|me voy a|voy a) quitar de en medio|quitarme de en medio|no doy (?:mas|"
    r"para "
    r"mas)|(?:estoy|ando|me siento)(?: re| muy| tan| super| bien)? (?:harto|harta|cansado|cansada|"
    r"podrido|podrida|agotado|agotada) de (?:vivir"
    r"(?! (?:de arrimad[oa]|con (?:mi|mis|la|el|los|las)|en (?:esta|este|la|el|un|una)|"
    r"aqui|asi de|donde|de prestado))"
    r"|todo|la vida|existir|estar viv[oa]|luchar|"
    r"seguir)|(?:me|ya me) (?:vale|da igual|da lo mismo|importa poco) (?:vivir|la vida|morir|si me "
    r"muero|estar viv[oa])|(?:quiero|me quiero|voy a|me voy a) (?:aventar|tirar|lanzar)(?:me)? "
    r"(?:del|al|por|desde|de|bajo)|(?:mejor|prefiero|preferiria) (?:estar )?muert[oa]|"
    r"(?:ganas|deseos) de no (?:existir|estar|despertar|vivir|seguir)|dejar de (?:vivir|existir|"
    r"sufrir) (?:para siempre|de una vez)|(?:mi|la) vida no (?:vale|sirve) (?:nada|la pena)|"
    r"estoy de mas (?:aqui|en este mundo|en esta vida)|me quiero ir (?:de aqui para siempre|para "
    r"siempre|de este mundo|con (?:el|ella|mi \w+|dios))|no quiero despertar(?:me)?|"
    r"(?:quisiera|quiero) (?:dormir(?:me)?|dormir) y no (?:volver a )?despertar|"
    r"(?:pastillas|cuerda|soga|veneno|pistola|arma) para (?:matarme|morir|acabar)|"
    r"me voy a tomar (?:todas )?las (?:pastillas|pildoras)|(?:ya )?no (?:voy a estar|estare) "
    r"(?:mas )?(?:aqui|para (?:ver|navidad|tu cumple))|"
    r"(?:ya )?(?:no|nada) (?:tiene|me da) (?:sentido|motivos?|razones)(?: \w+){0,3} (?:vivir|"
    r"seguir)|"
    r"(?:deseo|quisiera|quiero) (?:la muerte|morir\w*|que (?:todo|esto) (?:termine|acabe|se acabe))"
    r"|(?:ya )?(?:vivi|he vivido) (?:lo )?suficiente|(?:ya )?me (?:llego|toca) la hora|"
    r"(?:senor|dios|diosito)(?: \w+){0,3} (?:llevame|recogeme|ya no quiero)|"
    r"(?:no merezco|no deberia) (?:vivir|estar viv[oa]|existir|haber nacido)|merezco morir(?:me)?|"
    r"(?:deberia|debería) (?:morirme|matarme|desaparecer)|nadie me (?:va a )?(?:extranar|"
    r"extranaria|necesita|quiere aqui)|(?:todos|mi familia|mis hijos)(?: \w+){0,3} (?:mejor|"
    r"tranquilos|felices) sin mi",
    SUICIDE,
    "talks about wanting to die",
)
add(
    "acute.regional",
    ACUTE,
    r"(?:esta noche|hoy|manana|este fin de semana|ahorita|ya) (?:me (?:mato|tiro|cuelgo|"
    # "ya me voy" as a goodbye, not "ya me voy al gym", "hoy me voy a dormir temprano"
    r"voy(?! (?:a|al|a la) (?:gym|gimnasio|trabajo|trabajar|chamba|jale|super|mercado|cine|"
    r"parque|dormir|mi casa|casa|la casa|clase|escuela|cole|uni|universidad|oficina|banarme|"
    r"comer|cenar|desayunar|almorzar|acostar|tienda|doctor|medico|partido|fiesta|misa|iglesia)"
    r"(?!\w)))|"
    r"lo hago|termino con todo|acabo con todo|se acaba todo)|(?:perdonenme|perdoname|perdon) "
    r"(?:por (?:todo|lo que voy a hacer|esto|irme))|no (?:es|fue) (?:su|tu|vuestra) culpa(?: "
    r"\w+){0,4} "
    r"(?:decidi|decision|eleccion)|(?:ya )?(?:tengo|tengo todo) (?:listo|preparado|planeado|"
    r"decidido)(?= *(?:$|[.!,]| para))|mis (?:ultimas|últimas) palabras|(?:los|las|te) voy a "
    r"extranar"
    r"(?: \w+){0,3} (?:adios|siempre)|(?:cuando|para cuando) (?:encuentren|lean|vean) (?:esto|esta "
    r"carta|mi carta)|(?:ya )?(?:esta|estan) (?:escrita|escritas|lista|listas) (?:la|las) cartas?|"
    r"(?:me tome|tome|trague|me trague) (?:un monton|muchas|todas|demasiadas|toda la caja|"
    r"todo el frasco|un bote|un frasco|una caja|un blister|un punado|todo el bote)|"
    # "me voy a ir con el Señor por mi propia mano"
    r"por mi propia mano|"
    r"(?:estoy|ya estoy) (?:en el|en la|arriba del?) (?:puente|azotea|techo|vias|barranco|"
    r"acantilado|edificio|balcon)",
    SUICIDE,
    "says they will act soon or leaves final words",
    negatable=False,
)
add(
    "self_harm.regional",
    URGENT,
    r"me (?:hago|hice|hacia) (?:cortes|heridas|dano|quemaduras)|me (?:rajo|raje|rajaba)|"
    r"me (?:lastimo|lastime|corte|corto|quemo|queme|golpeo|golpee) a proposito|me (?:doy|di|daba) "
    r"(?:golpes|punetazos|cabezazos)(?: \w+){0,2}(?: contra la pared| en la cabeza| a mi "
    r"mism[oa])?|"
    r"me (?:quemo|queme|quemaba) con (?:cigarros|cigarrillos|el encendedor|un encendedor|el "
    r"mechero|fuego)|me (?:arranco|arranque|jalo) el (?:pelo|cabello) hasta|"
    r"(?:cicatrices|cortes|heridas) (?:nuevas|nuevos|frescas|frescos)|(?:otra vez|de nuevo) me "
    r"(?:corte|lastime|queme|hice dano)|volvi a (?:cortarme|lastimarme|hacerme dano|quemarme)|"
    r"(?:lo hice|me lo hice|me la hice) a proposito|(?:sangrar|sangre) (?:a proposito|para "
    r"sentir)|(?:la|una|mi) (?:cuchilla|navaja|gillette|hoja de afeitar)(?: \w+){0,4} (?:otra vez|"
    r"me llama|en mi brazo|en mi piel)",
    SELF_HARM,
    "talks about hurting themself",
)
add(
    "harm.regional",
    URGENT,
    r"(?:le|les) (?:voy a|vamos a|quiero) (?:dar|meter|pegar) (?:un tiro|una punalada|un balazo|"
    r"un navajazo|un plomazo|una golpiza|una madriza|una paliza|unos balazos)|"
    r"(?:lo|la|los) (?:quiero|quisiera) ver muert[oa]s?|(?:ojala|que) se muera (?:ese|esa|el|ella)|"
    r"(?:lo|la|los|las) voy a (?:agarrar a golpes|madrear|reventar|picar|quebrar|desaparecer|"
    r"enterrar|ahorcar|ahogar)|(?:me dan|tengo|siento) ganas de (?:matar|golpear|ahorcar|apunalar|"
    r"hacerle dano|estrangular)(?: a)?|(?:tengo miedo|me da miedo) (?:de )?(?:hacerle dano|"
    r"lastimar|"
    r"pegarle|sacudir) a (?:mi bebe|mi hijo|mi hija|los ninos|alguien|mi pareja)|"
    r"(?:se va|se van) a arrepentir|(?:va|van) a saber quien soy|(?:me la|me las) (?:va|van) a "
    r"pagar",
    HARM_TO_OTHERS,
    "talks about harming someone",
    person="self",
)
add(
    "abuse.regional",
    URGENT,
    r"me (?:da|dio|daba|dan|dieron) (?:golpes|una paliza|palizas|cachetadas|bofetadas|patadas|"
    r"punetazos|cintarazos|cinturonazos|chingadazos|trancazos|madrazos|una golpiza)|"
    r"me (?:jala|jalo|jalaba|tira|tiro|agarra|agarro) (?:del|el|de los) (?:pelo|cabello|pelos)|"
    r"me tiene (?:encerrad[oa]|amenazad[oa]|vigilad[oa]|controlad[oa])|"
    r"me (?:obliga|obligo|obligaba|fuerza|forzo) a (?:tener relaciones|acostarme|hacer cosas|"
    r"tener sexo|trabajar|darle)|me (?:insulta|humilla|grita|denigra) (?:todo el tiempo|siempre|"
    r"todos los dias|delante de)|"
    r"mi (?:\w+ )?(?:esposo|marido|pareja|novio|papa|padre|padrastro|hijo|hija|nieto|nieta|"
    r"cuidador|cuidadora|yerno|nuera)(?: \w+){0,2} (?:me quita|se queda con|me roba|me saca|"
    r"controla) (?:mi|la|el|toda mi|todo mi) (?:dinero|pension|jubilacion|sueldo|tarjeta|plata|"
    r"cuenta)|me (?:echo|echaron|corrio|corrieron|saco|sacaron) de (?:la|mi) casa|"
    r"me (?:dejo|dejaron) en la calle|me (?:manosea|manoseo|manoseaba|toca|toco|tocaba) (?:cuando|"
    r"donde|mis|las|en la noche|por las noches)|le tengo miedo|tengo miedo de (?:el|ella|mi "
    r"(?:esposo|marido|pareja|novio|papa|padrastro|hijo|ex))|me amenaza con (?:matarme|pegarme|"
    r"quitarme|echarme|dejarme|lastimarme|llevarse)|me (?:vigila|revisa) el (?:celular|telefono|"
    r"cel)|me sigue a todas partes|(?:no me deja|no me dejan) (?:comer|dormir|salir|hablar|"
    r"estudiar|trabajar|usar)|me (?:violo|violaron|viola|abuso|abusaron)|"
    r"(?:abusa|abuso|abusaba) (?:sexualmente )?de mi|me (?:pega|pegaba|golpea|golpeaba) (?:cuando|"
    r"si|todos|siempre|con)",
    ABUSE,
    "describes being hurt, controlled or unsafe",
    person="self",
)
add(
    "history.more",
    HISTORY,
    # ("ya pasó", not "cada vez que paso, …": I pass by)
    r"(?:ya paso|(?:ya )?quedo atras)(?= *(?:$|[.!,]))|en aquel (?:entonces|tiempo)|de (?:joven|"
    r"chica|chico)|cuando (?:estaba|era) (?:casad[oa]|joven|chic[oa]|adolescente)|"
    r"mi (?:ex|difunto|difunta) (?:\w+ )?(?:me )?\w+aba|hace (?:decadas|siglos|una eternidad)",
)
add(
    "negation.more",
    NEGATION,
    r"no tengo (?:ideas|pensamientos|ganas|intencion|planes)|(?:sin|ninguna) (?:ideas|pensamientos|"
    r"intencion)|nunca (?:me )?(?:haria|haré|hare|lastimaria)|jamas|de ninguna manera|"
    r"(?:me preguntaron|me pregunto|pregunto) si",
)

add(
    "acute.more",
    ACUTE,
    r"(?:tengo|ya tengo) (?:guardad[ao]s|escondid[ao]s|listas|juntad[ao]s|contad[ao]s) (?:las|unas|"
    r"mis) (?:pastillas|pildoras)|(?:cuantas|cuantos) (?:pastillas |pildoras )?(?:necesito|hacen "
    r"falta|son suficientes|me tengo que tomar)|(?:escribi|deje|termine) (?:las |unas |mis )?"
    r"cartas? (?:para|a)",
    SUICIDE,
    "describes preparations or a method",
)
add(
    "ideation.more",
    URGENT,
    r"hasta (?:las narices|los cojones|la madre|el gorro|la coronilla|el culo|la madre) de "
    r"(?:vivir|"
    r"la vida|todo|existir|estar viv[oa])",
    SUICIDE,
    "is fed up with living",
)

# --- más variedad -------------------------------------------------------------------------
add(
    "ideation.broad",
    URGENT,
    r"(?:quiero|quisiera|necesito|deseo|ojala)(?: \w+){0,3} (?:que )?(?:todo|esto|la vida|mi vida|"
    r"el dolor)(?: \w+){0,2} (?:termine|se acabe|acabe|pare|se termine|deje de doler)|"
    r"(?:dejenme|dejame) (?:morir|ir|en paz para siempre)|no (?:voy a|creo) (?:durar|aguantar|"
    r"llegar a) (?:mucho|mas|manana|el \w+)|(?:sin|no tengo|no hay|ya no tengo|perdi) (?:ninguna )?"
    r"(?:esperanza|salida|futuro)|(?:me rendi|me rindo|ya me rendi|tirar la toalla)"
    r"(?: con la vida| con todo)?|(?:mejor|prefiero|preferiria) (?:morirme|morir|desaparecer|no "
    r"existir|no despertar|estar muert[oa])|(?:vivir|la vida|existir) (?:es|se ha vuelto|se "
    r"volvio) "
    r"(?:una tortura|un infierno|insoportable|demasiado|un castigo)|(?:sueno|fantaseo|pienso) "
    r"(?:con|en) (?:morir|la muerte|no existir|desaparecer|no despertar|mi funeral)|"
    r"(?:tengo los dias contados|mis dias estan contados)|(?:ya )?(?:no quiero|no puedo) (?:mas "
    r")?con "
    r"(?:esta vida|mi vida|la vida|todo esto)|(?:me quiero|quiero) (?:morir|desaparecer|ir) (?:ya|"
    r"de "
    r"una vez|para siempre)|(?:que|ojala) (?:me|se me) (?:muera|lleve|trague la tierra) (?:ya|de "
    r"una "
    r"vez)|(?:que|ojala) se acabe (?:todo|mi vida|ya)",
    SUICIDE,
    "talks about wanting life to end",
)
add(
    "acute.broad",
    ACUTE,
    r"(?:voy a|me voy a|ya me voy a) (?:tomar|tragar)(?:me)? (?:todo|todas|todo el frasco|toda la "
    r"caja)|(?:ya )?(?:esta|estan|tengo) (?:todo )?(?:lista|listas|listo|preparad[oa]s?) (?:la "
    r"cuerda|"
    r"las pastillas|el arma|la soga|todo)|(?:es|sera) (?:esta noche|hoy|ahora|manana)(?= *(?:$|"
    r"[.!]))|"
    r"(?:mi|la) (?:ultima|última) (?:noche|vez|cena|comida)(?= *(?:$|[.!,]| en| con))|"
    r"(?:me tome|tome|trague) (?:\w+ ){0,3}(?:y )?(?:ya )?(?:me siento|estoy) (?:mareado|mareada|"
    r"rar[oa]|dormid[oa]|con sueno)|(?:cuando|para cuando) (?:alguien|ustedes|tu) (?:se de cuenta|"
    r"lo lea|lo vea|despierte)",
    SUICIDE,
    "describes an imminent act or last words",
    negatable=False,
)
add(
    "self_harm.broad",
    URGENT,
    r"(?:recai|volvi a caer|recaida)(?:[.,!]? \S+){0,6} (?:cortes?|cuchillas?|navajas?|sangre|"
    r"cicatrices|sh|quemaduras)|(?:me estoy|estoy|sigo) (?:cortando|lastimando|quemando|"
    r"golpeando|rasgunando)(?:me)?|(?:cortandome|lastimandome|quemandome|golpeandome)(?: \w+){0,2} "
    r"(?:otra vez|de nuevo|todas las noches|todos los dias|a escondidas)|(?:ganas|impulso|"
    r"necesidad) (?:de|por) (?:sangrar|sentir dolor|hacerme algo)",
    SELF_HARM,
    "describes self-harm",
)
add(
    "harm.broad",
    URGENT,
    r"(?:voy a|quiero|pienso|me dan ganas de|tengo ganas de)(?: \w+){0,2} (?:matar|apunalar|"
    r"disparar|golpear|ahorcar|estrangular|envenenar|quemar|atropellar)(?:le|la|lo|les|los)? "
    r"(?:a (?:mi|ese|esa|el|la|los|todos|alguien|\w+)|lo|la|los)|"
    r"(?:llevo|traigo|tengo|cargo) (?:un|una|el|la|mi) (?:cuchillo|navaja|arma|pistola|fierro|"
    r"machete)(?: \w+){0,4} (?:por si|para cuando|para (?:el|ella|ellos))",
    HARM_TO_OTHERS,
    "talks about harming someone",
    person="self",
    hyperbole=True,
)
add(
    "abuse.broad",
    URGENT,
    r"(?:el|ella|ellos|mi \w+(?: \w+)?)(?: \w+){0,2} (?:siempre |otra vez |todos los dias |cada "
    r"noche )?me (?:pega|golpea|lastima|ahorca|patea|empuja|cachetea|viola|toca|amenaza|maltrata|"
    r"insulta|humilla|encierra|quema)|(?:moretones|moretes|morados|marcas|ojo morado)(?: \w+){0,5} "
    r"(?:de (?:el|ella|mi \w+)|otra vez|maquillaje|tapar|esconder)|(?:si|cuando) (?:se entera|me "
    r"ve|"
    r"me encuentra|llega)(?: \w+){0,5} (?:me mata|me pega|me golpea|me va a)|"
    r"(?:me escondo|me escondi|escondid[oa]) (?:de (?:el|ella|ellos)|en (?:el|mi) (?:bano|cuarto|"
    r"closet|armario))|(?:me hui|hui|me escape|me fui) de (?:la |mi )?casa(?: \w+){0,3} (?:anoche|"
    r"hoy|ayer|porque|y no)|no me (?:dejan|deja) (?:salir|comer|ver|hablar|usar|tener)",
    ABUSE,
    "describes being hurt, threatened or controlled",
    person="self",
)

# --- lo aprendido de un segundo conjunto de desarrollo, como frases generales -----------
add(
    "ideation.more2",
    URGENT,
    r"si me (?:atropella|pisa|choca|mata|lleva) (?:un|el|una) (?:carro|coche|auto|camion|tren|bus|"
    r"micro|colectivo)(?:,? \w+){0,2}(?:,)? mejor|(?:ojala|que) me (?:atropelle|atropellen|pise)|"
    r"(?:seria|sera) (?:un alivio|mejor|lo mejor)(?: \w+){0,3} (?:que yo no|si yo no|si no) "
    r"(?:estuviera|existiera|estoy|existo)|me da (?:igual|lo mismo) si (?:\w+ ){0,2}(?:no "
    r"(?:amanezco|despierto)|me muero)|no amanecer|cuando (?:yo )?(?:ya )?no (?:este|estes)|"
    r"(?:dejar|deje|dejo) todo en orden|pague todas mis deudas|(?:buscando|busque|buscar) "
    r"(?:formas|"
    r"maneras|como) (?:de )?(?:hacerlo|matarme|morir|acabar)|(?:les |te )?(?:deje|dejo|anote|pase) "
    r"(?:anotadas |escritas )?(?:las|mis) contrasenas|(?:kisiera|kiciera) morir\w*|"
    r"(?:puse|he puesto|tengo|deje) (?:mis cosas|todo|mis papeles|mis asuntos) en orden|"
    r"descansare (?:por fin|para siempre)",
    SUICIDE,
    "talks about wanting to die",
)
add(
    "acute.more2",
    ACUTE,
    r"ya me decidi|(?:pistola|arma|escopeta|rifle)(?: \w+){0,4} (?:cargada|cargado|conmigo|aqui)|"
    r"(?:manana|hoy|esta noche)(?: temprano| mismo)? lo hago|(?:compre|tengo|consegui) lo que "
    r"(?:necesitaba|necesito)|(?:me he tomado|me tome|tome|me trague) (?:de todo|todo(?= *(?:$|"
    r"[.!,]| "
    r"lo| el| la)))|(?:para|quiero|vengo a|escribo para) despedirme|(?:estoy|stoy|toy) (?:en|n|"
    r"sobre) "
    r"(?:las|los) (?:vias|rieles)|no voy a volver(?= *(?:$|[.!]))|no (?:voy a regresar|vuelvo mas)|"
    r"(?:ese|el) dia lo (?:voy a hacer|hago)|lo voy a hacer (?:ese dia|el \w+|esta noche|manana|"
    r"hoy)",
    SUICIDE,
    "describes an imminent act or last words",
)
add(
    "self_harm.more2",
    URGENT,
    r"(?:le )?(?:pegue|golpee|pego|golpeo|di) (?:\w+ ){0,3}hasta (?:sangrar|que sangr\w*|romperme)|"
    r"sin comer porque no (?:me )?lo merezco|no merezco comer|sin (?:cortarme|lastimarme|hacerme "
    r"dano)(?: \w+){0,3} (?:y )?(?:ayer|hoy|anoche)? ?volvi|no (?:son|es|eran|era) para afeitar\w*|"
    r"me he (?:aranado|cortado|quemado|lastimado|golpeado) (?:las|los|el|la|mis) (?:piernas|brazos|"
    r"munecas|muslos|brazo|pierna)|me volvi a (?:lastimar|cortar|quemar|hacer dano)|"
    r"me pego (?:en|con) (?:las|los|la|el|mis) (?:piernas|brazos|cabeza|cara|cinturon)|"
    r"(?:me )?apago (?:los|el|mis) (?:cigarros|cigarrillos|cigarro|puchos?) en (?:el|mi|los|mis)|"
    r"me (?:\w+ ){1,4}a proposito|(?:otra vez|de nuevo) ?(?:\U0001f52a|\U0001fa78|\U0001fa79)",
    SELF_HARM,
    "describes self-harm",
)
add(
    "harm.more2",
    URGENT,
    r"(?:ir|voy|vengo|llego|vamos) armad[oa]s?|(?:lo|la|los) voy a (?:cagar|agarrar|moler|matar|"
    r"reventar) a (?:trompadas|golpes|patadas|palos|pinas|madrazos|putazos|tiros)|"
    r"(?:se me pasa por la cabeza|pienso en|me imagino|fantaseo con) (?:\w+ ){0,2}(?:lastimar|"
    r"matar|"
    r"golpear|ahogar|asfixiar|sacudir|empujar|hacerle dano)(?: a)?|no (?:va|van) a contar(?:la)? "
    r"(?:el )?cuento|(?:ya )?(?:consegui|compre) (?:una|un) (?:pistola|arma|fierro|cuete|revolver)|"
    r"no se (?:salva|va a salvar)|casi le (?:pego|pegue|rompo|mato)|me controlo (?:cada vez "
    r")?menos|"
    r"(?:ganas de|quiero) (?:empujar|tirar|aventar) a (?:mi|ese|esa|el|la) \w+|darle su merecido|"
    r"me las (?:paga|pagas|pagan|va a pagar)",
    HARM_TO_OTHERS,
    "talks about harming someone",
    person="self",
)
add(
    "abuse.more2",
    URGENT,
    r"me quitaron (?:el|mi|los|mis) (?:pasaporte|documentos|papeles|dni)|trabajo (?:\w+ ){0,3}sin "
    r"(?:paga|sueldo|pago)|les debo el viaje|me (?:fajea|fajeo|chancletea|cuerea|revienta|madrea)|"
    r"si (?:lo|la) (?:denuncio|dejo|digo)(?: \w+){0,3} me (?:mata|pega|va a matar)|me (?:fuerza|"
    r"forzo)|es su derecho porque estamos casados|volvio a (?:pegarme|golpearme|amenazarme|"
    r"tocarme|empujarme)",
    ABUSE,
    "describes being hurt, threatened or controlled",
    person="self",
)
# Frases de la tercera ronda de conjuntos de desarrollo (dev7-9) que ninguna regla conocía.
add(
    "ideation.more3",
    URGENT,
    r"no creo que (?:siga|este|llegue)(?: \w+){0,2} (?:para entonces|hasta entonces|para esa "
    r"fecha|a fin de ano|a navidad)|(?:desloguear|deslogear|desconectar|borrar)(?:me)? de la vida|"
    r"(?:estaria|estarian) mejor (?:\w+ ){0,2}(?:cobrando|con) (?:el|mi) seguro de vida",
    SUICIDE,
    "hints they will not be around",
    negatable=False,
)
add(
    "self_harm.more3",
    URGENT,
    r"(?:llevaba|tenia) (?:\w+ ){1,3}sin (?:cortarme|lastimarme|hacerme dano)(?: \w+){0,3} (?:y )?"
    r"(?:hoy|ayer|anoche) (?:reca\w*|volvi)",
    SELF_HARM,
    "describes relapsing into self-harm",
    person="self",
    negatable=False,
)
add(
    "abuse.more3",
    URGENT,
    r"me (?:volvio|volvieron) a (?:pegar|golpear|lastimar|amenazar|tocar|empujar|patear)|me "
    r"(?:cago|cagaron|cagan|caga) a (?:palos|golpes|trompadas|pinas)|(?:el|ella) (?:esta|anda|"
    r"llego) (?:en (?:la|mi) casa|aqui|aca)[.,!? ]+(?:y )?no puedo hablar|no puedo hablar[.,!? ]+"
    r"(?:el|ella) (?:esta|anda|llego) (?:en (?:la|mi) casa|aqui|aca)",
    ABUSE,
    "describes being hurt, threatened or controlled",
    person="self",
)
add(
    "harm.more3",
    URGENT,
    r"(?:lo|la|los|las) voy a (?:apunalar|acuchillar|balear|atropellar|quemar vivo|ahorcar)",
    HARM_TO_OTHERS,
    "talks about harming someone",
    person="self",
)
add(
    "idiom.more",
    IDIOM,
    r"(?:este|esta|ese|esa|el|la|los|las|mi) (?:\w+ ){0,2}(?:examen|precio|jefe|preguntas|gasolina|"
    r"nino|susto|tarea|trabajo|profe|clase|cuenta|factura) (?:\w+ ){0,3}me (?:mata|mato|esta "
    r"matando|va a matar)|me mato con (?:las|los|el|la|sus|su) \w+|me mato (?:el|la|los|las) "
    r"(?:precio|cuenta|factura|calor|examen|jefe|trafico|dolor de \w+)|matar de (?:un susto|risa|"
    r"hambre|aburrimiento)|(?:que oso|que verguenza|tragame tierra)|(?:me queria morir|me quise "
    r"morir|quise morirme|queria morirme) cuando",
)
add(
    "media.more",
    MEDIA,
    r"riesgo (?:suicida|de suicidio)|ideacion suicida|estudio (?:enfermeria|medicina|psicologia)",
)
add(
    "history.more2",
    HISTORY,
    r"se cumplen \w+ (?:anos|meses) de|hubo una (?:epoca|etapa|temporada|vez)|hubo un "
    r"tiempo|en aquella (?:epoca|etapa)",
)
add(
    "history.ex",
    HISTORY,
    # a former partner dates a message only with a past verb (engine: _NEEDS_PAST_VERB)
    r"mi ex\w*",
)
add(
    "recovery.more",
    RECOVERY,
    r"(?:ahora|hoy) (?:vivo|estoy|me siento) (?:tranquil[oa]|bien|en paz|mejor|feliz)|"
    r"(?:sigo|estoy) en terapia|sigo aqui",
)
add(
    "idiom.more4",
    IDIOM,
    r"me mato (?:\w+ando|\w+iendo|a (?:estudiar|trabajar|\w+ar))|"
    r"(?:este|esta|ese|esa|el|la) (?:\w+ )?(?:parcial|gol|golazo|partido|prueba|final|quiz|materia|"
    r"semestre|turno|viaje|entreno|entrenamiento|clase|examen|tarea) (?:\w+ ){0,5}me (?:mato|mata|"
    r"esta matando|va a matar)|(?:nos|me) va a matar con (?:esa|ese|este|esta|la|el|los|las|tanta|"
    r"tanto|tantas|tantos)|(?:morir|morirme|muero|me muero|me quiero morir) de la "
    r"(?:verguenza|pena|risa|emocion)",
)
add(
    "idiom.more5",
    IDIOM,
    # una frase entre comillas y de qué era: "el 'me quiero matar' era por el examen"
    r"[\"\u201c\u201d\u00ab\u00bb][^\"\u201c\u201d\u00ab\u00bb\n]{1,60}"
    r"[\"\u201c\u201d\u00ab\u00bb](?: \w+){0,3} (?:era|es|fue)(?: solo| nada mas)? "
    r"(?:por|de|para|sobre)(?!\w)|"
    r"me mato con (?:esa|ese|esas|esos|tu|tus) \w+|(?:es|era|fue|seria|sera) un (?:suicidio|"
    r"suicidio total)(?= *(?:$|[,.!]|para|de|con|tres|dos))|cuando digo que(?: \w+){1,8},? "
    r"(?:no lo digo en serio|quiero decir|me refiero)",
)
add(
    "history.more4",
    HISTORY,
    r"eso fue hace|fue hace (?:\w+ )?(?:anos|meses)|fue en (?:19|20)\d\d|de (?:morrito|chavo|"
    r"chamaco|pelado|pibe|pequen[oa]|chic[oa])",
)
add(
    "idiom.vida_diaria",
    IDIOM,
    # la vida diaria en palabras de despedida: el cambio de turno, rezar por otra persona, una
    # gripa que explica el "muerto en vida", "esta humedad me va a acabar"
    r"(?:termine|acabe) (?:el|mi) turno|fin de(?:l)? turno|entrega de turno|para el (?:turno|de la "
    r"noche|de la manana|de la tarde)|"
    r"(?:rezando|rezo|rece|orando|oro|pido|pidiendo) por (?:mi|mis|su|sus|nuestra|nuestro) "
    r"(?:\w+ )?(?:mama|mami|papa|madre|padre|hijo|hija|hijos|abuela|abuelo|hermano|hermana|"
    r"esposo|esposa|amiga|amigo|familia|tia|tio|bebe)|"
    r"muert[oa](?: en vida)? (?:con|por) (?:esta|este|la|el) (?:gripa|gripe|resfriado|catarro|"
    r"cruda|resaca|calor|frio|desvelo)|"
    r"(?:esta|este|estos|estas) \w+ (?:me va|me van) a acabar|nos vemos (?:el )?(?:lunes|martes|"
    r"miercoles|jueves|viernes|sabado|domingo|manana|la otra semana|la proxima semana)",
)
add(
    "idiom.more6",
    IDIOM,
    # "me mató ese chiste", "me mató la profe con ese parcial": it, or someone, killed me
    r"me mato (?:ese|esa|este) (?!(?:noche|fin|dia|semana|mes|ano|rato|momento)(?!\w))\w+|"
    r"me mato (?:el|la) (?:profe|profesor|profesora|maestro|maestra|jefe|jefa|chiste|examen|"
    r"parcial|partido|gol|final|serie|pelicula|capitulo|risa|calor|trafico|tranque|trancon)",
)
add(
    "media.more4",
    MEDIA,
    r"clase de (?:psicologia|biologia|historia|etica|filosofia|literatura|salud|enfermeria)|"
    r"tesis (?:de|sobre)|(?:platica|charla) sobre|comentario de texto|"
    r"(?:charla|platica|taller|curso) (?:de la|del|de el)|folleto|(?:el|un|ese) podcast|"
    # training and study: "cómo preguntar directamente por ideas suicidas", "factores de riesgo"
    r"como preguntar|factores de riesgo|examen de (?:residencia|psiquiatria|enfermeria)|"
    r"protocolo de|la letra dice|(?:en la misa|el padre|el cura|el pastor) (?:\w+ ){0,3}hablo|"
    # (no cuando la respuesta es sí: "puse casi todos los días")
    r"(?:pregunta (?:\d+ )?(?:del|de la) (?:phq|encuesta|cuestionario)|cuestionario phq[ -]?9|"
    r"(?:el|del|en el) phq[ -]?9|en la pregunta (?:de|sobre|del)){NOT_ANSWERED_YES}|"
    # a song or a radio play that says it: "un bolero que dice 'quiero morir en tus brazos'"
    r"(?:corrido|bolero|cancion|tango|ranchera|cumbia|radioteatro|telenovela|serie|pelicula|"
    r"novela|obra)(?: \w+){0,2} (?:que dice|que se llama|sobre|de un|de una)|"
    r"(?:corrido|bolero|cancion|tango|ranchera|cumbia) (?:ese|este|esa|esta) de",
)

# --- contraseñales ------------------------------------------------------------------------
add(
    "negation.cue",
    NEGATION,
    r"no|nunca|jamas|ni|sin|tampoco|nada de|para nada|ni loca|ni loco|en vez de|en lugar de|"
    r"si (?:alguna vez|algun dia)|deje de|ya no|nadie",
)
add(
    "self_harm.more_es",
    URGENT,
    # again, or for a while, and scratching till it bleeds: "me he vuelto a cortar", "me he
    # estado cortando", "me rasco los brazos hasta sangrar"
    r"me (?:he |e )?(?:vuelto|volvi|bolvi|buelto|estado|sigo) (?:a )?(?:cortar|cortando|lastimar|"
    r"lastimando|quemar|quemando|golpear|golpeando|rasgunar|arana?r|hacer dano|dar golpes|dar "
    r"cabezazos|pegar|morder|mordiendo)(?!\w)|"
    r"(?:rasco|rascaba|arano|aranaba|pellizco|rasguno|raspo|raspaba|tallo) (?:\w+ ){0,5}hasta "
    r"(?:sangrar|hacerme sangre|que (?:me )?sangr\w*|que sale sangre)|"
    # "me estoy mordiendo los brazos hasta que sangran"
    r"me (?:estoy |estaba )?\w+(?:ando|iendo) (?:\w+ ){0,4}hasta (?:sangrar|que (?:me )?sangr\w+|"
    r"que sale sangre|hacerme sangre)|"
    r"me apago (?:los |el )?(?:cigarros?|cigarrillos?|puchos?|colillas?|faso) en (?:el|la|los|las|"
    r"mi|mis)|(?<!\w)m (?:corte|corto|cortaba|lastime|queme)(?!\w)|"
    r"me (?:doy|daba|di) (?:cabezazos|golpes|punetazos|de cabezazos|la cabeza contra)|"
    r"me (?:golpeo|golpeaba|pego|pegaba) (?:la cabeza|en la cabeza|contra la pared)",
    SELF_HARM,
    "talks about hurting themself",
)
add(
    "ideation.more_es2",
    URGENT,
    # "me levanto decepcionado de haberme despertado", "le ruego a Dios no despertar", "con
    # ganas de que pasara algo", "me da igual si me da un infarto", "cuando lea esto ya me
    # habré ido", "🙂🔫"
    r"decepcionad[oa] de (?:haberme )?despert\w+|(?:ruego|pido|rezo|le pido|le ruego)(?: a dios| "
    r"a diosito| al senor)?(?: que)? (?:no despertar|no despierte|me lleve|me recoja)|"
    r"con ganas de que (?:me )?pas(?:ara|e|ase) algo|ojala (?:me )?pas(?:ara|e|ase) algo|"
    r"me da igual (?:si me muero|morirme|morir|si no despierto|si me pasa algo|si me da un|si "
    r"me mato|vivir o morir)|"
    r"cuando (?:lea|leas|lean|leais) esto ya (?:me habre ido|no estare|estare muert[oa]|me fui)",
    SUICIDE,
    "says they want to die",
    negatable=False,
)
add(
    "ideation.smile_gun",
    URGENT,
    # the smiling face and the gun: "🙂🔫 todos los días lo mismo"
    r"(?:\U0001f642|\U0001f643|\U0001f600|\U0001f60a) ?\U0001f52b",
    SUICIDE,
    "says they want to die",
    negatable=False,
    person="self",
)
add(
    "abuse.neck",
    URGENT,
    # strangulation: "el chabón me agarró del cuello ayer"
    r"me (?:agarro|agarra|agarraba|apreto|aprieta|apretaba|tomo|toma|tomaba|agarro fuerte) "
    r"(?:del|el|por el|de el) cuello|(?<!\w)me (?:ahorco|ahorca|ahorcaba|estrangulo|estrangula|"
    r"estrangulaba)(?!\w)",
    ABUSE,
    "says someone hurts, threatens or controls them",
    person="self",
)
add(
    "idiom.said_meant_es",
    IDIOM,
    # "cuando dije que ya no puedo más me refería a la espalda", "cuando digo 'me quiero
    # matar' en el grupo es porque perdió Racing"; a thing that "wants to kill me"
    r"cuando (?:dije|digo|escribi|puse|decia)[^.!?]{0,60}(?:me referia|me refiero|quise decir|"
    r"quiero decir|es porque|era porque|hablaba de)|"
    r"(?:el|la|este|esta|ese|esa) (?:trafico|calor|frio|jefe|jefa|tarea|examen|trabajo|chamba|"
    r"semana|dia|clase|profe|maestra|gym|rutina|excel|tesis)(?: \w+){0,4} me (?:quiere|va a) "
    r"matar|te (?:mato|voy a matar|ahorco|voy a ahorcar) si (?:no )?(?:venis|vienes|venes|llegas|"
    r"faltas|me (?:invitas|traes|avisas|contestas|llamas|dejas))|me (?:voy a|quiero) morir de "
    r"(?:viej\w+|anciana|ancian[oa])|me quiero (?:tirar|aventar) por la ventana con (?:este|esta|"
    r"el|la) \w+|lo voy a (?:matar|ahorcar)[,.]? (?:se (?:acabo|comio|tomo|llevo|termino)|"
    r"me (?:comio|robo|quito|gano))|(?:desaparecer|perderme) (?:\w+ ){0,2}(?:en una playa|"
    r"a una playa|a la "
    r"playa|este finde|el finde|dos semanas|una semana|unos dias|de vacaciones|sin celular)",
)
add(
    "idiom.mishap_es",
    IDIOM,
    # embarrassment and mishaps: "qué vergüenza, me quiero morir, me he caído delante de
    # todo el instituto", "no manches, me quiero matar, se me cayó el celular"
    r"(?:que verguenza|que oso|q oso|no manches|tragame tierra|que pena)[^.!?]{0,20}me quiero "
    r"(?:morir|matar)|me quiero (?:morir|matar)[^.!?]{0,50}(?:se me cayo|se me olvido|me cai|me he "
    r"caido|me equivoque|en vez de|la regue|la cague|me vieron)|me quiero morir de (?:lo|la) "
    r"(?:rico|rica|bueno|buena|lindo|linda|bonito|bonita|verguenza|risa|emocion)",
)
add(
    "self_harm.relapse_es",
    URGENT,
    # a streak without self-harm, then it happened: "once meses sin cortarme y ayer lo hice"
    r"sin (?:cortarme|autolesionarme|hacerme dano|lastimarme|quemarme)[^.!?\n]{0,40}(?:ayer|hoy|"
    r"anoche|esta noche|esta manana) (?:lo hice|lo volvi a hacer|recai|me corte|volvi)",
    SELF_HARM,
    "self-harm again after a time without",
    negatable=False,
)
add(
    "self_harm.not_to_die_es",
    URGENT,
    # "no quiero morir, solo que pare": the wish to hurt, not to die (the match starts after
    # the negation, which still denies the wish to die)
    r"(?:(?<=morir, )|(?<=morir )|(?<=morirme, )|(?<=morirme )|(?<=matarme, )|(?<=matarme ))"
    r"(?:(?:solo|sino) )?(?:que (?:pare|duela|se calle)|quiero que (?:pare|duela|se calle)|sentir)"
    r"(?! (?:el|este|ese) (?:miedo|panico|ataque)| la (?:ansiedad|angustia))|"
    # "no me quiero morir pero sí me quiero lastimar"
    r"(?:(?<=morir pero )|(?<=morir, pero )|(?<=morirme pero )|(?<=morirme, pero ))(?:si )?"
    r"(?:me quiero|quiero) (?:lastimar|cortar|quemar|hacer dano|lastimarme|cortarme|quemarme|"
    r"hacerme dano)",
    SELF_HARM,
    "hurts themself to make the pain stop",
    negatable=False,
)
add(
    "negation.not_negation",
    IDIOM,
    # distress and conditions, not denials: "cuando ya no aguanto me doy cabezazos", "si no
    # me corto siento que exploto", "cuando el bebé no para de llorar"
    r"(?:ya )?no aguanto|no puedo mas|si no|no (?:para|paraba|deja|dejaba) de|"
    r"no deberia|no se|no puedo dejar de|no dejo de|sin que nadie|no (?:paro|dejo) de pensar|"
    r"(?:digo|dije|decir|dices|diga) que no",
)
add(
    "idiom.hyperbole",
    IDIOM,
    r"(?:me muero|muero|morir|morirme|muriendo|me moria|muerto|muerta|me voy a morir|me quiero "
    r"morir|morirse) (?:de|por) (?:risa|hambre|sueno|ganas|calor|frio|verguenza|aburrimiento|"
    r"envidia|celos|sed|nervios|amor|curiosidad|emocion|la risa|cansancio|pena|ver|ir|saber|"
    r"conocer|probar|comer|verte|\w+ar|\w+er|\w+ir)|"
    r"(?:me|nos|te) (?:mata|matan|esta matando|estan matando) (?:este|esta|el|la|los|las|de)|"
    r"(?:este|esta|el|la|los|las|mi) (?:\w+ )?(?:examen|trabajo|calor|tarea|jefe|trafico|clase|"
    r"cancion|dolor de \w+|pies|espalda|cabeza|semana|lunes|frio|tesis|proyecto)(?: \w+){0,3} "
    r"me (?:mata|esta matando|va a matar)|matar el tiempo|mato por (?:un|una|unos|unas)|"
    r"(?:me|te) va a matar(?: (?:si|cuando)(?! (?:lo |la |le )?(?:denuncio|digo|cuento|hablo|me "
    r"voy|dejo|aviso))|(?= *(?:$|[,.!])))|(?:profe|profesor|profesora|maestra|maestro|jefe|jefa|"
    r"mama|papa|madre|padre)(?: \w+){0,3} me va a matar|me mata(?:n)? (?:de risa|la curiosidad)|"
    r"estoy muert[oa](?= *(?:$|[.!]|\U0001f480|\U0001f602|jaja))|muert[oa] de (?:cansancio|risa|"
    r"hambre|sueno)|(?:me corto|cortarme|me corte) (?:el pelo|el cabello|las unas|el flequillo)|"
    r"(?:me corte|me queme|me lastime) (?:cocinando|sin querer|por accidente|con el horno|"
    r"con la plancha|con la sarten|afeitandome|jugando)|matar (?:la|las|el|los) "
    r"(?:planta|plantas|cucaracha|arana|mosca|mosquito|bicho)|mato (?:la|las|el|los) (?:cucaracha|"
    r"arana|mosca)|(?:lo|la|los) mato a besos|muerto de hambre",
)
add(
    "laughter.marks",
    LAUGHTER,
    # "jsjs" is laughter too; "lo quiero igual" takes back a threat to a brother
    r"jaja\w*|jeje\w*|jiji\w*|jsjs\w*|ajaj\w*|xd|es broma|broma|bromeando|"
    r"(?:lo|la|los|las) quiero igual",
)
add(
    "idiom.motivo_trivial",
    IDIOM,
    # a threat and the small thing that set it off: "voy a matar a mi hermano, se comió todo el
    # pan", "lo mato al de la mesa de turnos, me cambió la cita"
    r"(?:mato|matar|matare|ahorcar|ahorco|ahorcare|estrangular)(?: a| al)?(?: \w+){0,4}[,.]? "
    r"(?:se (?:comio|acabo|termino|olvido|gasto|bebio)|me (?:cambio|comio|acabo|gasto|"
    r"desconecto|desenchufo)|(?:nos )?puso (?:prueba|examen|tarea))",
)
add(
    "media.cue",
    MEDIA,
    r"senales de (?:alerta|alarma)|cancion|canciones|letra de (?:la|una|esa) cancion|"
    r"pelicula|peli|serie|capitulo|episodio|"
    r"(?:sermon|homilia) (?:de|sobre)|(?:un|el) salmo|la biblia dice|versiculo|el libro de job|"
    r"libro|novela|telenovela|personaje|protagonista|videojuego|documental|noticia|noticias|"
    r"podcast|"
    r"obra de teatro|escena|anime|prevencion|(?:taller|clase|ensayo|charla|conferencia|curso|"
    r"campana|capacitacion|tarea|trabajo) (?:sobre|de prevencion)|investigacion|estadisticas|"
    r"tasas? de|cita de|poema de|prospecto|efectos? secundarios?",
)
add(
    "history.marker",
    HISTORY,
    r"(?:anos|meses) desde|"
    # "antes de que naciera mi hija", "el invierno del divorcio"
    r"antes de que (?:naciera|nacieran|llegara|llegaran|conociera|me casara)|(?:el|aquel) "
    r"(?:invierno|verano|otono|ano|mes) (?:del|de la|de mi|en que)|"
    r"hace (?:\d+|un|una|unos|unas|varios|varias|muchos|muchas|dos|tres|cuatro|cinco|seis|"
    r"diez|bastantes) (?:anos|ano|meses|mes|tiempo)|hace (?:mucho|tiempo|anos)|"
    r"cuando (?:era|tenia|estaba en|iba a|estudiaba)|de (?:nino|nina|joven|adolescente|chic[oa]|"
    r"pequen[oa])|solia|antes (?:me|solia|pensaba|queria|sentia|me cortaba|tenia)|"
    r"en el pasado|el ano pasado|(?:el|la) (?:invierno|verano|otono|primavera|navidad|semestre|"
    r"curso) pasad[oa]|en (?:la )?(?:prepa|secundaria|universidad|preparatoria)|"
    r"en (?:19\d\d|20[0-2]\d)|a los \d+ anos|a los (?:quince|dieciseis|catorce|trece|diecisiete)|"
    r"en mi adolescencia|durante (?:la pandemia|mi adolescencia|el divorcio)|hace ya|"
    r"a los (?:\d+|quince|dieciseis|catorce|trece|diecisiete|veinte)(?! (?:minutos|dias|segundos|"
    r"horas|semanas))|(?:me acuerdo de|recuerdo) cuando|"
    r"antes (?:le |les |me |lo |la )?\w+(?:ia|aba)(?!\w)|"
    # un periodo del pasado: "cuando llegué a Miami", "cuando enviudé", "después del huracán
    # María pensé en", "estuve casada con un hombre que"
    r"cuando (?:llegue|enviude|me funaron|me echaron|me separe|me fui|sali|tomaba|bebia|vivia|"
    r"trabajaba|estudiaba)(?!\w)|despues (?:del|de la) (?:huracan|terremoto|inundacion|entierro|"
    r"muerte|divorcio|separacion)(?= [^.!?\n]{0,40}(?:pense|intente|quise|estuve|me \w+e|"
    r"escribi))|estuve (?:casada|casado|junta|junto) con|en los (?:ochenta|noventa|"
    r"setenta)|durante la carrera|"
    r"con (?:veintitantos|treintaitantos|treinta y tantos|\d+ anos)|hubo (?:un tiempo|una epoca) "
    r"(?:en )?(?:que|en que)|"
    r"aniversario de (?:mi|el|aquel)|"
    # dated by the next sentence: "Ya pasaron cuatro años", "Eso fue en 2021"
    # school told in the imperfect: "en el colegio me cortaba", "me cortaba en el colegio"
    r"en (?:el|la) (?:colegio|liceo|instituto|secundario|escuela|primaria)(?=,? (?:me |yo |lo |"
    r"la |se )?\w+(?:aba|ia)(?!\w))|(?<=aba )en (?:el|la) (?:colegio|liceo|instituto|secundario|"
    r"escuela|primaria)|en los (?:sesenta|"
    r"setenta|ochenta|noventa|60|70|80|90)|"
    r"(?:pasaron|han pasado) (?:\d+|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|muchos|"
    r"varios) anos",
)
add(
    "recent.marker",
    RECENT,
    r"anoche|ayer|hoy|esta (?:manana|tarde|noche|semana)|hace (?:unos|un par de|dos|tres|\d+) "
    r"(?:dias|horas|minutos)|hace (?:rato|poco|un rato)|otra vez|de nuevo|ahora|ahorita|"
    r"todavia|aun|sigo|sigue|ultimamente|estos dias|volvi a|vuelvo a|manana|a medianoche|"
    r"desde que|"
    # since then, and still: "pienso en suicidarme desde el año pasado"
    r"desde (?:el ano pasado|hace)",
)
add(
    "acute.car_engine",
    ACUTE,
    # "llevo una hora en el carro con el motor prendido dentro del garaje"
    r"motor (?:prendido|encendido|andando|en marcha) (?:\w+ ){0,2}(?:dentro del|en el) (?:garaje|"
    r"garage|cochera)|(?:engine|motor|car) running in (?:the|a|my) (?:\w+ )?garage",
    SUICIDE,
    "is in a closed garage with the engine running",
    negatable=False,
)
add(
    "recent.back",
    RECENT,
    # the past come back: "Lo intenté en 2015 y salí adelante. Ahora estoy ahí otra vez."
    r"(?:estoy|volvi a estar|vuelvo a estar) (?:ahi|alli) (?:otra vez|de nuevo)|"
    r"(?:volvieron|regresaron|han vuelto) (?:los pensamientos|las ganas|esas ideas|esos "
    r"pensamientos)|(?:otra vez|de nuevo) (?:con )?(?:los mismos|esos) pensamientos",
)
add(
    "recovery.marker",
    RECOVERY,
    r"ahora estoy (?:bien|mejor|tranquil[oa]|feliz|en paz)|ya estoy (?:bien|mejor)|"
    r"(?:me )?recupere|estoy en recuperacion|"
    r"ahora(?: (?!no(?!\w))\w+){0,6} estoy (?:genial|bien|mejor|tranquil[oa]|feliz|en paz)|"
    r"ahora tengo (?:amig\w+|trabajo|casa|pareja|familia|mi |una |un )|hoy (?:le )?doy gracias|"
    r"(?:ya son|van|ya van) \w+ (?:anos|meses) sin|sigo viv[oa]|celebro que sigo|y estoy bien|"
    r"hoy tengo mi propi[oa]|"
    # then and now: "Cinco años después tengo casa nueva", "Hoy soy profe"
    r"(?:\d+|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|quince|veinte|muchos) anos "
    r"(?:despues|mas tarde)|(?:libre|limpi[oa]) de (?:autolesiones|cortarme|eso)|"
    r"hoy (?:soy|dirijo|trabajo (?:de|como|en)|tengo (?:\d+ anos|una hija|un "
    r"hijo|hijos|nietos|una nieta|un nieto|casa|un negocio|una libreria|trabajo))|"
    r"llevo \w+ (?:anos|meses|dias|semanas) sin|"
    r"sali adelante|ya no (?:lo hago|me corto|pienso en eso)|gracias a (?:la )?terapia|"
    r"(?:estoy|me siento) (?:mucho )?mejor|ya lo supere|lo supere",
)

RULES: tuple[Rule, ...] = tuple(_book.rules)
