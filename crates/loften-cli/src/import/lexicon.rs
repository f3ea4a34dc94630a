//! Every word list the importer reads pages by, in one place: a new wording met on a real
//! page is added here, next to the words of the same kind, and nowhere else. Lists compared
//! with folded text (`loften_core::text::fold`: no diacritics) are written folded; the rest
//! are lowercased Swedish with å, ä, ö. Each list says what it is for.

use loften_core::model::Cadence;

use super::items::Unit;

// ---- The site around an article: lines and marks that are never part of a medborgarlöfte. ----

/// Lines of the site around the article (polisen.se's, a kommun's), never part of a promise.
pub const CHROME: [&str; 6] = [
    "javascript är inte påslaget",
    "sök på polisen.se",
    "hoppa till innehåll",
    "dela sidan",
    "skriv ut sidan",
    "lyssna på sidan",
];

/// Lines of site navigation that are nothing but these words.
pub const CHROME_LINES: [&str; 4] = ["sök", "meny", "stäng meny", "stäng"];

/// Lower-case, what a page of polisen.se holds (its site's lines name it): the page's
/// publisher is then Polisen.
pub const POLICE_SITE: &str = "polisen.se";

/// Lines after which the article has ended and the site's footer begins.
pub const END_OF_ARTICLE: [&str; 3] = ["till toppen", "nyhet från", "sidan uppdaterades"];

/// Words in an id or class that mark a site's notices and navigation aids.
pub const SKIPPED_MARKS: [&str; 7] = [
    "cookie",
    "consent",
    "breadcrumb",
    "skip-link",
    "skiplink",
    "share",
    "gdpr",
];

/// Links that only move the reader on the page or share it.
pub const SKIPPED_LINK_TEXTS: [&str; 4] = [
    "till toppen",
    "tillbaka till toppen",
    "till sidans topp",
    "gå till toppen",
];

/// Lower-case openings of a photo's caption, which is no part of the summary: "På bilden
/// från vänster: …", "Foto: …".
pub const CAPTION_STARTS: [&str; 4] = ["på bilden", "bilden:", "bild:", "foto:"];

// ---- The parties: the words for the police and the kommun, and what joins them. ----

/// Lower-case, what every word for the police holds: "Polisen", "områdespoliserna",
/// "lokalpolisområdeschef".
pub const POLICE_STEM: &str = "polis";

/// Lower-case, what a word for the kommun begins with ("kommunen", "Kommunstyrelsens"), and
/// what a kommun's role holds ("kommunstyrelsens ordförande").
pub const KOMMUN_STEM: &str = "kommun";

/// Lower-case words that name the kommun as a party, whole: "Kommunen", "Eslövs kommun",
/// "Malmö stad" (not "kommunalt", "kommuninvånare").
pub const KOMMUN_PARTY_WORDS: [&str; 8] = [
    "kommun",
    "kommunen",
    "kommunens",
    "kommuner",
    "kommunerna",
    "stad",
    "staden",
    "stadens",
];

/// The kommun by itself, as a word anywhere in an activity names it when nothing else says
/// who does the work: "… ska kommunen …".
pub const THE_KOMMUN: [&str; 2] = ["kommunen", "kommunens"];

/// The word by which a joint page's lead-in names both parties: "… lovar vi att:".
pub const WE: &str = "vi";

/// The words for "and" that join parties, names, years and items: "Polisen och kommunen",
/// "2025 och 2026", "Räddningstjänsten Syd samt polis".
pub const AND: &str = "och";
pub const AS_WELL_AS: &str = "samt";
pub const AND_WORDS: [&str; 2] = [AND, AS_WELL_AS];

// ---- Tables and lines that say who does an activity. ----

/// Lower-case starts of a table's header cell over the activities: "Aktivitet", "Åtgärder",
/// "Vad gör vi?". A table without such a column is no table of activities.
pub const ACTIVITY_COLUMN: [&str; 4] = ["aktivitet", "åtgärd", "insats", "vad"];

/// Lower-case starts of a table's header cell over who does each activity: "Ansvarig",
/// "Vem", "Aktör", "Utförare".
pub const RESPONSIBLE_COLUMN: [&str; 4] = ["ansvar", "vem", "aktör", "utförare"];

/// The lower-case start of the label of a line under an item that names who is responsible
/// for it: "Ansvarig: Polisen", "Ansvariga: Kommunen och polisen".
pub const RESPONSIBLE_LABEL_START: &str = "ansvarig";

/// Lower-case labels that say the same in full: "Ansvar: Polisen", "Ansvarar: Kommunen".
pub const RESPONSIBLE_LABELS: [&str; 2] = ["ansvar", "ansvarar"];

// ---- Headings and lead-ins: the words that say which part of an agreement a block opens. ----

/// Words that mark a heading about follow-up, which never starts an agreement even when it
/// names a medborgarlöfte and a year ("Uppföljning av medborgarlöfte …, tertial 1 2019").
pub const FOLLOW_UP_HEADING_CUES: [&str; 6] = [
    "uppfoljning",
    "utvardering",
    "folj med",
    "rapport",
    "tertial",
    "kvartal",
];

/// How a kind of heading's cues are matched against its bare text (folded, without years
/// and punctuation): as the whole text, at its start, at the start of any of its words, or
/// anywhere within it. Each kind needs a different reach: "mål" alone is an effect heading,
/// "mål" inside a word is not.
pub struct HeadingCues {
    pub whole: &'static [&'static str],
    pub starts: &'static [&'static str],
    pub word_starts: &'static [&'static str],
    pub within: &'static [&'static str],
}

impl HeadingCues {
    pub fn matches(&self, bare: &str) -> bool {
        self.whole.contains(&bare)
            || self.starts.iter().any(|c| bare.starts_with(c))
            || self
                .word_starts
                .iter()
                .any(|c| bare.starts_with(c) || bare.contains(&format!(" {c}")))
            || self.within.iter().any(|c| bare.contains(c))
    }
}

const NO_CUES: &[&str] = &[];

/// A list of activities: "Aktiviteter", "Det här ska vi göra", "Löftena ska uppnås genom …".
pub const ACTIVITY_CUES: HeadingCues = HeadingCues {
    whole: &["atgarder", "insatser"],
    starts: NO_CUES,
    word_starts: NO_CUES,
    within: &[
        "aktivitet",
        "ska vi gora",
        "uppnas genom",
        "astadkommas genom",
        "genom att",
        "sa har gor vi",
        "det har gor vi",
        "genom foljande",
    ],
};

/// The effect an agreement aims at: "Effekt", "Det här ska vi åstadkomma", "Önskat läge".
pub const EFFECT_CUES: HeadingCues = HeadingCues {
    whole: &["onskat lage", "mal"],
    starts: &["effekt"],
    word_starts: NO_CUES,
    within: &["vi astadkomma", "vill vi uppna"],
};

/// How the agreement is followed up: "Uppföljning", "Utvärdering", "Följ med i hur det går!".
pub const FOLLOW_UP_CUES: HeadingCues = HeadingCues {
    whole: NO_CUES,
    starts: &["utvardering", "folj med"],
    word_starts: &["uppfoljning"],
    within: NO_CUES,
};

/// The situation behind the agreement: "Situationen idag", "Bakgrund", "Lägesbild".
pub const SITUATION_CUES: HeadingCues = HeadingCues {
    whole: NO_CUES,
    starts: NO_CUES,
    word_starts: &[
        "situation",
        "bakgrund",
        "lagesbild",
        "problembild",
        "nulage",
    ],
    within: NO_CUES,
};

/// The areas the agreement gives priority: "Prioriterade områden", "Fokusområden".
pub const PRIORITY_CUES: HeadingCues = HeadingCues {
    whole: NO_CUES,
    starts: NO_CUES,
    word_starts: NO_CUES,
    within: &["prioriter", "fokusomrade"],
};

/// General information about medborgarlöften, the same on every page and no part of an
/// agreement: "Vad är ett medborgarlöfte?", "Läs mer".
pub const GENERAL_INFO_CUES: HeadingCues = HeadingCues {
    whole: NO_CUES,
    starts: &["vad ar", "om medborgarloften", "las mer"],
    word_starts: NO_CUES,
    within: NO_CUES,
};

/// Folded, what every word for the promises holds ("löfte", "löften", "medborgarlöftet"):
/// a heading or lead-in with it is about the promises.
pub const PROMISE_STEM: &str = "lofte";

/// Folded headings that are nothing but the word for the promises ("Medborgarlöftet",
/// "Löften"), so the list of promises follows them.
pub const PROMISE_HEADINGS: [&str; 8] = [
    "medborgarlofte",
    "medborgarloftet",
    "medborgarloften",
    "medborgarloftena",
    "lofte",
    "loftet",
    "loften",
    "loftena",
];

/// Folded words before such a heading that leave it bare: "Våra löften", "Gemensamma
/// medborgarlöften".
pub const PROMISE_HEADING_OWNERS: [&str; 2] = ["vara ", "gemensamma "];

/// Folded openings of a heading whose list is what is promised: "Vi lovar", "Det här lovar vi".
pub const PROMISE_HEADING_OPENINGS: [&str; 2] = ["vi lovar", "det har lovar vi"];

/// The word of a heading or lead-in that says who promises what follows: "Polisen lovar",
/// "Polisen och Vadstena kommun lovar att:".
pub const PROMISING: &str = "lovar";

/// Lower-case openings of a heading that states one numbered promise: "Löfte 1: Tryggare
/// centrum", "Medborgarlöfte 3. Säkrare trafik". The space keeps "Löftena ska …" out.
pub const NUMBERED_PROMISE_WORDS: [&str; 2] = ["medborgarlöfte ", "löfte "];

/// Folded last words of a page's title that names its kommun: "Kalix – medborgarlöften".
pub const KOMMUN_TITLE_WORDS: [&str; 2] = ["medborgarloften", "medborgarlofte"];

/// Lower-case, what every form of "medborgarlöfte" holds ("medborgarlöften",
/// "medborgarlöftet"): a segment without promises or activities that holds it and tells of
/// a signing announces one.
pub const CITIZEN_PROMISE: &str = "medborgarlöft";

/// The lower-case start of a dashed title about "our" promises, not a kommun's. Folded it
/// is the kommun Vara ("Vara – medborgarlöften"), so it is told apart before folding.
pub const OUR: &str = "våra";

/// Folded word of a sentence that announces the list after it though it ends with a full
/// stop: "… har enats om följande aktiviteter för perioden 2023-2024.".
pub const ANNOUNCING: &str = "foljande";

/// Words of a line saying the agreement was made ("Heby kommun och polisen har kommit
/// överens om …"): under a list's heading, such a line is about the agreement, not an item.
pub const AGREED: [&str; 6] = [
    "har kommit överens",
    "har enats",
    "har tecknat",
    "har tagit fram",
    "har undertecknat",
    "har arbetat fram",
];

/// Lower-case openings of a line that says when the agreement runs, not what it promises:
/// "Gäller 1 januari 2025 till 31 december 2025", "Löftena gäller 2024–2025".
pub const RUNS_WHEN: [&str; 4] = ["gäller", "period", "löftet gäller", "löftena gäller"];

/// Verbs of a sentence that commits to something: several sentences under a list's heading
/// whose first has none of them explain the list rather than promise.
pub const COMMITTING: [&str; 5] = ["lovar", "ska", "skall", "kommer", "vill"];

// ---- Signatures: titles that sign, and words around a signing. ----

pub const ROLES: [&str; 9] = [
    "chef",
    "ordförande",
    "kommunalråd",
    "polismästare",
    "direktör",
    "kommissarie",
    "ansvarig",
    "samordnare",
    "polis",
];

/// Words that say a signing took place.
pub const SIGNING: [&str; 9] = [
    "underteckn",
    "skriver under",
    "skrev under",
    "skrevs under",
    "skrivit under",
    "skrivits under",
    "signer",
    "satte sina namn",
    "sätter sina namn",
];

/// Words that end the role before a name: "… av kommunstyrelsens ordförande Lena Berg",
/// "Det var kommundirektör Anna Sjöberg och lokalpolisområdeschef Mikael Holm som …".
pub const BEFORE_ROLE: [&str; 8] = ["och", "samt", "av", "var", "är", "med", "mellan", "både"];

/// Forms of "skriva" that, with `SIGNING_PARTICLE` a few words on in the same sentence,
/// say a signing: "skrev Ale kommun och polisen … under nya medborgarlöften".
pub const WRITES: [&str; 4] = ["skrev", "skriver", "skrivit", "skrevs"];
pub const SIGNING_PARTICLE: &str = "under";

/// The word between the place of signing and its date: "Laxå den 26 oktober 2018".
pub const DATE_ARTICLE: &str = "den";

/// Definite endings of a role and the indefinite ones a signature gives:
/// "lokalpolisområdeschefen" → "Lokalpolisområdeschef".
pub const DEFINITE_ROLE_ENDINGS: [(&str, &str); 2] =
    [("chefen", "chef"), ("ordföranden", "ordförande")];

/// Prepositions that, right before a capitalized name, make it a place after a role, not
/// the name of who signs: "lokalpolisområdeschef i Västra Mälardalen".
pub const ROLE_PLACE_PREPOSITIONS: [&str; 4] = ["i", "för", "vid", "på"];

/// Prepositions, with their spaces, between a role and the organisation it is held in:
/// "kommunstyrelsens ordförande i Strömsunds kommun", "chef för lokalpolisområde …".
pub const ORGANISATION_SEPARATORS: [&str; 3] = [" i ", " för ", " vid "];

// ---- Who does an activity: the verbs that end its subject. ----

/// Verbs after which the subject has ended: "Polisen ska …", "Kommunen kommer att …".
pub const MODALS: [&str; 8] = [
    "ska", "skall", "kommer", "lovar", "har", "vill", "kan", "bör",
];

/// Pairs of lower-case words that open a purpose clause, which says why, not who: "för att
/// skapa gemensamma lägesbilder", "så att", "i syfte att".
pub const PURPOSE_OPENINGS: [(&str, &str); 3] = [("för", "att"), ("så", "att"), ("i", "syfte")];

/// Lower-case phrases after which a list of those who do an activity follows:
/// "tillsammans med Vätterhem", "i samverkan med Räddningstjänsten Syd".
pub const DOER_LIST_OPENINGS: [&[&str]; 3] = [
    &["tillsammans", "med"],
    &["i", "samverkan", "med"],
    &["i", "samarbete", "med"],
];

/// A passive verb's ending and the word after it before those who do it: "genomföras av
/// polis och räddningstjänst".
pub const PASSIVE_ENDING: &str = "as";
pub const PASSIVE_AGENT: &str = "av";

/// Lower-case, what a word that makes the work joint begins with: "gemensam",
/// "gemensamma", "gemensamt".
pub const JOINT: &str = "gemensam";

/// Lower-case words before "kommunen" that make it a place, not who does the work: "i
/// kommunen", "inom kommunen", "hela kommunen".
pub const BEFORE_A_PLACE: [&str; 3] = ["i", "inom", "hela"];

// ---- How often: the words around a count or a period in an activity's text. ----

/// "veckovisa", "årligen": words that are a frequency by themselves.
pub const PERIODIC: [(&str, Unit); 7] = [
    ("veckovis", Unit::Vecka),
    ("månadsvis", Unit::Manad),
    ("dagligen", Unit::Dag),
    ("årligen", Unit::Ar),
    ("årsvis", Unit::Ar),
    ("kvartalsvis", Unit::Kvartal),
    ("tertialsvis", Unit::Tertial),
];

/// The words of a period, in the forms counts are given per: "per år", "om året".
pub const UNIT_WORDS: [(&str, Unit); 16] = [
    ("år", Unit::Ar),
    ("året", Unit::Ar),
    ("månad", Unit::Manad),
    ("månaden", Unit::Manad),
    ("vecka", Unit::Vecka),
    ("veckan", Unit::Vecka),
    ("termin", Unit::Termin),
    ("terminen", Unit::Termin),
    ("kvartal", Unit::Kvartal),
    ("kvartalet", Unit::Kvartal),
    ("tertial", Unit::Tertial),
    ("tertialet", Unit::Tertial),
    ("dag", Unit::Dag),
    ("dagen", Unit::Dag),
    ("halvår", Unit::Halvar),
    ("halvåret", Unit::Halvar),
];

/// Lower-case words before a period that make it a rate whatever its form: "per år", "varje
/// vecka"; and those that do only before its definite form: "om året", "i månaden".
pub const RATE_WORDS: [&str; 2] = ["per", "varje"];
pub const RATE_WORDS_BEFORE_DEFINITE: [&str; 2] = ["om", "i"];

/// Lower-case words before days that recur every week ("alla fredagar"), of which `EVERY`
/// also comes before a period ("varje vecka").
pub const EVERY_DAY: [&str; 2] = ["alla", EVERY];
pub const EVERY: &str = "varje";

/// Lower-case words between such days that go on the list: "alla fredagar, lördagar och
/// andra helgkvällar".
pub const DAY_LIST_JOINERS: [&str; 4] = [AND, AS_WELL_AS, "andra", "övriga"];

/// Lower-case, the two words that make a count yearly: "tre gånger under året".
pub const DURING_THE_YEAR: [&str; 2] = ["under", "året"];

/// Lower-case words before a count that belong to its phrase: "minst" makes it a minimum,
/// "vid" goes with a counted noun ("vid minst fyra tillfällen"), "i genomsnitt" is an
/// average ("i genomsnitt en gång i månaden").
pub const AT_LEAST: &str = "minst";
pub const AT: &str = "vid";
pub const ON_AVERAGE: [&str; 2] = ["i", "genomsnitt"];

/// Lower-case, the word before a number word that makes it a deadline when it is also in
/// `LABEL_BEFORE`: "inom två dygn".
pub const WITHIN: &str = "inom";

/// Lower-case, the word after a counting word (`COUNTERS`) before what is counted: "två
/// tillfällen för gemensam medborgardialog".
pub const COUNTED_FOR: &str = "för";

/// Lower-case number words that are also the indefinite article: "en kontroll" is an
/// article, "minst en kontroll" a count.
pub const ARTICLES: [&str; 2] = ["en", "ett"];

pub const DAYS: [&str; 9] = [
    "måndag",
    "tisdag",
    "onsdag",
    "torsdag",
    "fredag",
    "lördag",
    "söndag",
    "helg",
    "veckoslut",
];

/// Words that end a counted noun phrase: "två riktade trafikinsatser | i centrala Eslöv".
pub const STOP: [&str; 36] = [
    "i", "på", "att", "med", "för", "mot", "enligt", "till", "av", "under", "och", "samt", "när",
    "som", "vid", "per", "om", "från", "genom", "inom", "hos", "efter", "innan", "där", "så",
    "utifrån", "ska", "skall", "kommer", "kan", "varje", "eller", "men", "in", "är", "blir",
];

/// Before a number, words that make it a label or a deadline, not a count: "årskurs 4",
/// "tertial 3", "inom två dygn".
pub const LABEL_BEFORE: [&str; 16] = [
    "årskurs",
    "klass",
    "kap",
    "kapitel",
    "tertial",
    "kvartal",
    "nummer",
    "nr",
    "sida",
    "punkt",
    "steg",
    "inom",
    "väg",
    "riksväg",
    "länsväg",
    "linje",
];

/// After a number, words that make it a measure, not a count: "3 år", "14 kap".
pub const MEASURE_AFTER: [&str; 13] = [
    "kap", "kapitel", "procent", "år", "månader", "veckor", "dagar", "dygn", "timmar", "minuter",
    "kr", "kronor", "meter",
];

/// Before a number word, words that make it "which", not "how many": "de två skolorna".
pub const DEFINITE: [&str; 9] = [
    "de", "dessa", "båda", "våra", "sina", "dess", "deras", "den", "det",
];

/// Counting words that take what is counted after "för": "två tillfällen för gemensam medborgardialog".
pub const COUNTERS: [&str; 4] = ["tillfällen", "tillfälle", "gånger", "gång"];

/// Words that begin another clause, past which a count's period is not looked for.
pub const CLAUSE_WORDS: [&str; 9] = [
    "och", "samt", "eller", "som", "att", "ska", "skall", "kommer", "men",
];

// ---- Facts about an agreement as a whole: who pledges, the lokalpolisområde, the period, the follow-up. ----

pub const PLEDGE_CUES: [&str; 5] = ["lovar", "löfte", "tecknat", "underteckn", "överenskommelse"];

/// Lower-case, the word before a lokalpolisområde's name, and what its forms begin with:
/// "Lokalpolisområde Motala", "lokalpolisområdet Södra Vätterbygden".
pub const POLICE_AREA: &str = "lokalpolisområde";
pub const POLICE_AREA_WORDS: [&str; 2] = [POLICE_AREA, "lokalpolisområdet"];

/// Lower-case, the title of a lokalpolisområde's head, which names the area after
/// `AREA_HEAD_PREPOSITIONS` ("lokalpolisområdeschef i Västra Mälardalen") or after it in a
/// signature ("Lokalpolisområdeschef Uppsala norra").
pub const AREA_HEAD: &str = "lokalpolisområdeschef";
pub const AREA_HEAD_WORDS: [&str; 2] = [AREA_HEAD, "lokalpolisområdeschefen"];
pub const AREA_HEAD_PREPOSITIONS: [&str; 2] = ["i", "för"];

/// Lower-case, what else a role that heads a lokalpolisområde holds ("chef för
/// polisområde …") or is ("lokalpolischef"): the place after it is the lokalpolisområde.
pub const AREA_HEAD_ROLE_WITHIN: &str = "polisområde";
pub const LOCAL_POLICE_CHIEF: &str = "lokalpolischef";

/// Lower-case words that begin a lokalpolisområde's name ("södra Vätterbygden").
pub const DIRECTIONS: [&str; 12] = [
    "norra",
    "södra",
    "östra",
    "västra",
    "mellersta",
    "nordöstra",
    "nordvästra",
    "sydöstra",
    "sydvästra",
    "centrala",
    "inre",
    "yttre",
];

/// Words that introduce a range of years as the promises' period.
pub const PERIOD_WORDS: [&str; 7] = [
    "tidsperioden",
    "perioden",
    "period",
    "löftesperioden",
    "åren",
    "gäller",
    "under",
];

/// Lower-case words right before a single year that make it the period: "under 2016",
/// "gäller 2016".
pub const BEFORE_A_YEAR: [&str; 2] = ["under", "gäller"];

/// Lower-case, the word after a year that makes it the period: "2017 års medborgarlöfte".
pub const YEARS: &str = "års";

/// Lower-case, the word before years that makes them the period in a sentence about the
/// promises (one holding `ABOUT_PROMISES`): "medborgarlöften för 2017".
pub const FOR_YEARS: &str = "för";
pub const ABOUT_PROMISES: &str = "löfte";

/// Lower-case, what a sentence about the samverkansöverenskommelse holds: its years ("för
/// 2015-2018") are not the promises' period.
pub const OTHER_AGREEMENT: &str = "överenskommelse";

/// What stands between the two ends of a range: "2020-2022", "1 juli 2018 – 30 juni 2020".
pub const RANGE_JOINERS: [&str; 9] = [
    "-",
    "–",
    "—",
    "till",
    "till och med",
    "t.o.m.",
    "till den",
    "till och med den",
    "t.o.m. den",
];

/// Words of sentences about following up the promises.
pub const FOLLOW_UP: [&str; 7] = [
    "följas upp",
    "följa upp",
    "följs upp",
    "uppföljning",
    "utvärder",
    "återrapport",
    "redovisas",
];

/// Lower-case words before a period's word that make it a follow-up's rhythm: "en gång per
/// år", "två gånger om året".
pub const CADENCE_PER: [&str; 2] = ["per", "om"];

/// Lower-case, what any word of a page's publication line holds: "Publicerad 4 februari
/// 2025", "Artikeln publicerades 16 mars 2021". The date there is when the page was
/// published, the signing day only where the text says so.
pub const PUBLISHED: &str = "publicera";

/// Lower-case openings of the other publication lines: "Uppdaterad …", "Senast ändrad …",
/// "Nyhet 2025-01-20", "Pressmeddelande …".
pub const PUBLICATION_STARTS: [&str; 4] = ["uppdaterad", "senast", "nyhet", "pressmeddelande"];

/// Words that put a news item's signing on the day it was published: "I dag skrev … under".
pub const TODAY: [&str; 2] = ["i dag", "idag"];

/// Words that put the signing on the day before: "I går undertecknade …".
pub const YESTERDAY: [&str; 2] = ["i går", "igår"];

// ---- Places: the words around an area's name. ----

/// A whole word that points at a kommun's centre without naming it: "i centrum".
pub const CENTRE: &str = "centrum";

/// Phrases that do the same: "centrala delarna av Jönköping".
pub const CENTRE_PHRASES: [&str; 2] = ["centrala delar", "centrala delarna"];

/// Lower-case prepositions before a place's name: "på Råslätt", "vid Öxnehaga torg".
pub const PLACE_PREPOSITIONS: [&str; 3] = ["i", "på", "vid"];

/// Lower-case words after a capitalized name that make it a kommun or a län, not a place
/// within one: "i Eslövs kommun", "i Jönköpings län".
pub const KOMMUN_WORDS: [&str; 4] = ["kommun", "kommuns", "stad", "län"];

// ---- Topics of `data/topics.json`, told by the words of a promise or activity. ----

/// The words that tell each topic of `data/topics.json`, from the wording of real
/// medborgarlöften. A cue is matched against each word of the text, lowercased:
/// `"=unga"` the whole word, `"*våld"` anywhere inside it, otherwise the word's start, so
/// "trafik" matches "trafiksäkerheten" and "samverkan" does not match "grannsamverkan".
/// A cue of several words ("öppet hus") is matched against the whole lowercased text.
pub const TOPIC_CUES: &[(&str, &[&str])] = &[
    (
        "narkotika",
        &[
            "narkotik",
            "*narkotika",
            "drog",
            "doping",
            "cannabis",
            "knark",
            "hundsök",
            "narkotikahund",
        ],
    ),
    (
        "alkohol-tobak",
        &[
            "*alkohol", "*tobak", "langning", "*tillsyn", "berusad", "snus",
        ],
    ),
    (
        "krogmiljo",
        &["*krog", "restaurang", "nöjesliv", "utskänk", "nattliv"],
    ),
    (
        "trafik",
        &[
            "*trafik",
            "*hastighet",
            "rattfyll",
            "nykterhetskontroll",
            "bilist",
            "övergångsställ",
            "gångban",
            "cykelban",
            "*skolväg",
        ],
    ),
    (
        "motorburen-ungdom",
        &[
            "motorburen",
            "moped",
            "epa",
            "*traktor",
            "bilträff",
            "buskör",
        ],
    ),
    (
        "otrygga-platser",
        &[
            "*trygg",
            "belysning",
            "*nattvandr",
            "kvällsvandr",
            "=sly",
            "gångstråk",
            "gångtunnel",
            "lampor",
            "gatubelysning",
        ],
    ),
    (
        "narvaro",
        &["*patrull", "synlig", "närvaro", "polisvolontär"],
    ),
    (
        "barn-unga",
        &[
            "barn",
            "ungdom",
            "=unga",
            "elev",
            "skol",
            "flickor",
            "pojkar",
            "årskurs",
            "fritidsgård",
            "*skolan",
            "*skolor",
            "föräldravandr",
            "föräldramöte",
            "fältare",
            "fältgrupp",
            "fältassistent",
        ],
    ),
    ("grannsamverkan", &["*grannsamverkan", "grannstöd"]),
    ("bedragerier", &["*bedräg", "bedragare"]),
    ("vald", &["*våld", "misshandel"]),
    (
        "kriminalitet",
        &[
            "kriminal",
            "kriminell",
            "*brottslighet",
            "*insatsgrupp",
            "gäng",
            "brottsoffer",
            "*inbrott",
            "=anmäla",
        ],
    ),
    (
        "dialog",
        &[
            "*dialog",
            "kommunikation",
            "medborgarmöte",
            "företagare",
            "öppet hus",
        ],
    ),
    ("skadegorelse", &["*skadegörelse", "klotter", "vandalis"]),
    (
        "samverkan",
        &[
            "samverk",
            "samarbet",
            "samordn",
            "koordiner",
            "*insatsgrupp",
        ],
    ),
];

// ---- Numbers written as words. ----

pub const NUMBER_WORDS: [(&str, u32); 24] = [
    ("en", 1),
    ("ett", 1),
    ("två", 2),
    ("tre", 3),
    ("fyra", 4),
    ("fem", 5),
    ("sex", 6),
    ("sju", 7),
    ("åtta", 8),
    ("nio", 9),
    ("tio", 10),
    ("elva", 11),
    ("tolv", 12),
    ("tretton", 13),
    ("fjorton", 14),
    ("femton", 15),
    ("sexton", 16),
    ("sjutton", 17),
    ("arton", 18),
    ("nitton", 19),
    ("tjugo", 20),
    ("trettio", 30),
    ("fyrtio", 40),
    ("femtio", 50),
];

/// Words a follow-up cadence begins with, whatever their ending: "tertialsvis",
/// "kvartalsvis", "tertialrapport".
pub const CADENCE_PREFIXES: [(&str, Cadence); 2] =
    [("tertial", Cadence::Tertial), ("kvartal", Cadence::Kvartal)];

/// Words that make a follow-up yearly by themselves.
pub const YEARLY: [&str; 4] = ["årligen", "årsvis", "årlig", "årliga"];

// ---- Follow-up reports: the words by which a report says how far an activity has come. ----

// The labels under which a follow-up report gives what it says of an activity: a table's
// header cell ("Status", "Kommentar", "Antal") or the label of a line under an activity
// ("Status: Pågår", "Genomfört: Ja", "Kommentar: …"). Exact labels only: an agreement's own
// table may have a column "Klart" (when) or "Uppföljning" (how often), which say nothing of
// what was done.

/// Lower-case labels whose value is a status ("Status: Pågår", "Genomfört: Delvis").
pub const STATUS_LABELS: [&str; 7] = [
    "status",
    "läge",
    "lägesbild",
    "bedömning",
    "genomfört",
    "genomförd",
    "utfört",
];

/// Lower-case labels whose value is a number done, or done of planned ("Antal: 3 av 4").
pub const COUNT_LABELS: [&str; 2] = ["antal", "utfall"];

/// Lower-case labels whose value is the report's own words about the activity.
pub const COMMENT_LABELS: [&str; 6] = [
    "kommentar",
    "kommentarer",
    "beskrivning",
    "redovisning",
    "resultat",
    "utfall",
];

/// Lower-case words that say an activity is done: "Genomförd", "har genomförts", "hölls".
/// Not "gjorts": "Tabellen visar vad som gjorts" says nothing of any one activity.
pub const DONE_WORDS: [&str; 36] = [
    "genomförd",
    "genomfört",
    "genomförda",
    "genomförts",
    "genomfördes",
    "genomförde",
    "utförd",
    "utfört",
    "utförda",
    "utförts",
    "utfördes",
    "utförde",
    "klar",
    "klart",
    "klara",
    "avklarad",
    "avklarat",
    "avklarade",
    "slutförd",
    "slutfört",
    "slutförda",
    "slutförts",
    "avslutad",
    "avslutat",
    "avslutade",
    "avslutats",
    "uppfylld",
    "uppfyllt",
    "uppfyllda",
    "uppfyllts",
    "hållits",
    "hölls",
    "åtgärdad",
    "åtgärdat",
    "åtgärdats",
    "åtgärdades",
];

/// Lower-case words that say an activity has begun: "påbörjad", "har startat"; negated
/// ("ej påbörjad") they say it has not.
pub const STARTED_WORDS: [&str; 14] = [
    "påbörjad",
    "påbörjat",
    "påbörjade",
    "påbörjats",
    "påbörjades",
    "startad",
    "startat",
    "startade",
    "startats",
    "startades",
    "inlett",
    "inletts",
    "inleddes",
    "igång",
];

/// Lower-case words that say an activity is going on: "Pågår", "pågående", "fortsätter".
pub const ONGOING_WORDS: [&str; 5] = ["pågår", "pågående", "fortgår", "fortsätter", "fortlöper"];

/// Lower-case phrases that say an activity is going on, word by word: "under arbete".
pub const ONGOING_PHRASES: [&[&str]; 2] = [&["under", "arbete"], &["under", "genomförande"]];

/// The lower-case word that, next to a word of `DONE_WORDS`, makes it partly done:
/// "Delvis genomförd", "genomförd delvis".
pub const PARTLY: &str = "delvis";

/// Lower-case phrases that say the same: "till viss del genomförd".
pub const PARTLY_PHRASES: [&[&str]; 2] = [&["till", "viss", "del"], &["till", "del"]];

/// Lower-case words that, a word or two before a word of `DONE_WORDS` or `STARTED_WORDS`,
/// deny it: "ej genomförd", "har inte påbörjats", "har ännu inte genomförts".
pub const NEGATIONS: [&str; 3] = ["inte", "ej", "icke"];

/// Lower-case words that deny what follows a few words on: "Inga möten har hållits".
pub const NONE_WORDS: [&str; 3] = ["ingen", "inget", "inga"];

/// Lower-case words that may stand between a negation and the word it denies: "inte heller
/// genomförts", "ej kunnat genomföras".
pub const NEGATION_GAP: [&str; 5] = ["ännu", "har", "heller", "kunnat", "alls"];

/// Lower-case words, after "kunnat", that say the activity could not be done: "har inte
/// kunnat genomföras".
pub const COULD_NOT_BE_DONE: [&str; 3] = ["genomföras", "genomföra", "utföras"];

/// Lower-case phrases, word by word, that say an activity did not take place: "ställdes in",
/// "blev inte av".
pub const NOT_DONE_PHRASES: [&[&str]; 9] = [
    &["ställdes", "in"],
    &["ställts", "in"],
    &["inställd"],
    &["inställda"],
    &["inställt"],
    &["uteblev"],
    &["blev", "inte", "av"],
    &["avbröts"],
    &["avbrutits"],
];

/// Lower-case phrases, word by word, that say a report cannot tell: "Kan inte bedömas",
/// "Går ej att bedöma".
pub const UNASSESSABLE_PHRASES: [&[&str]; 10] = [
    &["kan", "inte", "bedömas"],
    &["kan", "ej", "bedömas"],
    &["går", "inte", "att", "bedöma"],
    &["går", "ej", "att", "bedöma"],
    &["går", "inte", "att", "bedömas"],
    &["inte", "bedömbar"],
    &["ej", "bedömbar"],
    &["inte", "bedömbart"],
    &["ej", "bedömbart"],
    &["kan", "inte", "följas", "upp"],
];

/// Lower-case values of a status cell or label that are a status only there: "Genomfört:
/// Ja", "Status: Löpande".
pub const STATUS_VALUES: [(&str, loften_core::model::Progress); 5] = [
    ("ja", loften_core::model::Progress::Done),
    ("nej", loften_core::model::Progress::NotDone),
    ("delvis", loften_core::model::Progress::Partly),
    ("löpande", loften_core::model::Progress::Ongoing),
    ("kontinuerligt", loften_core::model::Progress::Ongoing),
];

/// Lower-case words that make a status word after them a plan, not a report: "ska ha
/// påbörjat", "kommer att vara genomförd", "lovade … genomföra".
pub const PLANNING: [&str; 10] = [
    "ska", "skall", "skulle", "kommer", "planeras", "planerar", "bör", "lovar", "lovade", "avser",
];

/// How many words before a status word a `PLANNING` word makes it a plan.
pub const PLANNING_REACH: usize = 3;

/// Lower-case words of a heading or lead-in that restates what was promised, before the
/// report says what became of it: "Det här utlovade vi", "I löftet för 2016 lovade polisen
/// och kommunen följande:". Its items are the promise, not the report.
pub const RESTATING: [&str; 7] = [
    "lovade",
    "utlovade",
    "utlovades",
    "lovat",
    "lovar",
    "skulle",
    "fanns",
];

/// Lower-case words between a count and the count it is of: "6 av 8 skolor"; and words that
/// may stand between "av" and the planned number: "3 av totalt 4", "2 av planerade 4".
pub const COUNT_OF: &str = "av";
pub const COUNT_OF_FILLERS: [&str; 5] = ["totalt", "planerade", "utlovade", "planerat", "målet"];

/// Lower-case words between a number and what it counts that are no part of the unit: "fyra
/// stycken krogtillsyner".
pub const COUNT_FILLERS: [&str; 3] = ["stycken", "st", "styck"];

/// Lower-case words before a number that make it a label or a time, not a count, in a
/// report's text on top of `LABEL_BEFORE`: "vecka 9", "kl 22".
pub const REPORT_LABEL_BEFORE: [&str; 7] = ["vecka", "veckorna", "v", "kl", "klockan", "nr", "sid"];

/// Lower-case words before a number that make it an average, not a count done: "i
/// genomsnitt fyra pass".
pub const AVERAGE_BEFORE: [&str; 2] = ["genomsnitt", "snitt"];

/// Lower-case words no activity is told from another by, left out (with `STOP`'s) when a
/// report's passage is matched against the agreement's activities: function words, the
/// parties (a report names them everywhere, and "kommun" would match inside
/// "kommunikationsinsatser"), and the words every report uses.
pub const MATCH_STOPWORDS: [&str; 41] = [
    "de",
    "den",
    "det",
    "har",
    "hade",
    "över",
    "sin",
    "sina",
    "sitt",
    "var",
    "vara",
    "blev",
    "även",
    "också",
    "alla",
    "inte",
    "ej",
    "dessa",
    "denna",
    "aktivitet",
    "aktiviteter",
    "aktiviteten",
    "status",
    "kommentar",
    "uppföljning",
    "uppföljningen",
    "löfte",
    "löftet",
    "medborgarlöfte",
    "medborgarlöftet",
    "medborgarlöften",
    "medborgarlöftena",
    "polis",
    "polisen",
    "polisens",
    "kommun",
    "kommunen",
    "kommunens",
    "kommuns",
    "tillsammans",
    "gemensamt",
];

/// Folded endings a word's light stem drops, longest first, so that inflections of one
/// word compare alike: "skolor" and "skola", "fotpatrullering" and "fotpatrullera". A bare
/// "s" is no ending here: "insats" would lose it and "insatser" not.
pub const STEM_ENDINGS: [&str; 26] = [
    "ingarna", "ingar", "ingen", "arnas", "ernas", "ornas", "erna", "arna", "orna", "heten",
    "ande", "ende", "are", "ade", "ing", "era", "ens", "ets", "or", "ar", "er", "en", "et", "na",
    "a", "e",
];
