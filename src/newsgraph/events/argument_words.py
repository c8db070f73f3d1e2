"""The word tables the argument reader matches lemmas against.

They are kept apart from the reading code so that the rules (arguments.py and its helper
modules) read as parse logic, and each table's reason sits next to its words.
"""

# Verbs whose subject receives the nominal event it takes: "faced pressure from", "won backing from".
RECEIVING_VERBS = frozenset({"receive", "get", "win", "face", "gain", "earn", "draw", "attract", "come", "secure", "obtain"})
# "claimed responsibility for the attack": the claimant is the doer.
CLAIMED_NOUNS = frozenset({"responsibility", "credit"})
CLAIMING_VERBS = frozenset({"claim", "take", "accept", "admit", "assume", "bear"})
# Verbs of a clause describing an attack that name whom it hit.
STRIKING_VERBS = frozenset({"kill", "wound", "injure", "target", "hit", "strike", "kidnap", "abduct"})
SUBJECTS = frozenset({"nsubj", "csubj", "expl"})
# Prepositions through which a light verb takes its event: "engaged in a firefight", "flew to
# Moscow for talks", "took part in the talks".
LIGHT_PREPS = frozenset({"in", "into", "on", "for", "to"})
# Verbs whose subject would do the nominal event they govern, were it done: "ruled out air
# strikes", "proposed talks", "is considering sanctions", "plans an offensive".
INTENDING_VERBS = frozenset(
    {"rule", "avoid", "forgo", "plan", "intend", "schedule", "prepare", "contemplate", "consider", "mull", "weigh", "propose"}
)
# Nouns that quantify the actor they govern: "scores of civilians", "members of Hamas".
# Nouns a nominal event hangs on as a modifier: "a mediation effort", "a peace mission".
FRAME_NOUNS = frozenset({"effort", "bid", "attempt", "campaign", "process", "plan", "mission", "initiative", "operation", "drive"})
# Verbs whose object, not subject, does what they embed: "asked X to help", "urged X to stop",
# "prompting the police to open fire".
OBJECT_CONTROL = frozenset(
    {"ask", "urge", "order", "want", "press", "pressure", "force", "allow", "encourage", "persuade", "tell", "invite",
     "call", "push", "permit", "authorize", "authorise", "instruct", "require", "compel", "help", "enable", "expect", "warn",
     "prompt", "provoke", "cause", "spur", "lead", "drive", "oblige"}
)
# Verbs that say their object did what the "of"/"for" phrase names ("blamed Turkey for shelling").
ALLEGING_VERBS = frozenset(
    {"accuse", "blame", "charge", "condemn", "criticise", "criticize", "suspect", "praise", "thank", "credit", "fault",
     "punish", "jail", "arrest", "detain", "sentence", "convict", "fine", "execute", "prosecute", "indict", "sanction",
     "expel", "deport", "reward", "honour", "honor"}
)
# Prepositions of a non-actor object that name the other party ("an agreement with the EU").
OBJECT_PREPS = frozenset({"with", "to", "for", "against", "on", "between", "by"})
# Nouns that measure an event ("ten days of war games", "a wave of strikes").
MEASURE_NOUNS = frozenset({"day", "week", "month", "year", "hour", "night", "round", "series", "wave", "spate", "string"})
RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom", "whose"})
# Nouns whose possessor, without an "of" object, is who suffered the act ("the men's arrest").
PATIENT_NOUNS = frozenset({"arrest", "detention", "execution", "killing", "murder", "kidnapping", "abduction",
                           "assassination", "torture", "imprisonment", "deportation", "expulsion", "extradition", "capture",
                           "release", "freeing"})
# Nouns for a whole war, whose compounded name is its place ("the Iraq war", "the Gaza conflict").
WAR_NOUNS = frozenset({"war", "conflict", "insurgency", "crisis"})
# Verbs that cannot go without their object: used without one, they are a clipped passive.
OBJECT_NEEDING_VERBS = frozenset({"kill", "wound", "injure", "arrest", "detain", "abduct", "kidnap", "behead", "execute"})
# Participles that describe their subject's stance, not something done to it ("is opposed to").
STATIVE_PARTICIPLES = frozenset({"oppose"})
# Verbs whose subject suffered the act named in their "in" phrase ("two died in police firing").
DYING_VERBS = frozenset({"die", "perish"})
# Nouns a country is compounded onto as their topic ("the Iraq war", "the Iran deal"): the
# phrase stands for no party. Acts with doers and victims (invasion, sanctions) are not here.
TOPIC_HEADS = frozenset(
    {"war", "conflict", "crisis", "deal", "agreement", "accord", "inquiry", "issue", "question", "dossier", "debate",
     "policy", "situation", "file", "problem", "dispute", "row", "affair"}
)
# Participles that only say who did an act named by a noun ("the arrests made by the police").
DOING_PARTICIPLES = frozenset({"make", "carry", "conduct", "launch", "stage", "perform", "mount", "commit", "order"})

# Passive harm whose "when" clause names the attack that did it: "were killed when police opened fire".
HARM_VERBS = frozenset({"kill", "wound", "injure", "hurt", "maim"})
ATTACK_VERBS = frozenset(
    {"open", "fire", "shoot", "attack", "shell", "bomb", "strike", "raid", "storm", "charge", "beat", "ambush", "stab",
     "lob", "hurl", "throw", "detonate", "explode"}
)

# Nouns for mishaps and disasters, which nobody does: "victims killed by the Malaysia Airlines
# crash" names the airline's crash, not a killer.
ACCIDENT_NOUNS = frozenset(
    {"crash", "accident", "collision", "derailment", "stampede", "collapse", "fire", "blaze", "flood", "flooding",
     "storm", "cyclone", "hurricane", "typhoon", "earthquake", "quake", "landslide", "avalanche", "tsunami",
     "outbreak", "epidemic", "disease", "drought", "heatwave"}
)
