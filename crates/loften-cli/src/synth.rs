//! A synthetic dataset for benchmarks: real kommun names and topics, texts built from the
//! real promises and activities so their lengths and sentences look real, with a vocabulary
//! as large as a real national dataset of that size would have, so search-index figures
//! (vocabulary size, infix scans) are not flattered by a few hundred words said over and over.
//! Never mixed into the real data: it is written to a separate bundle file only.

use std::collections::{HashMap, HashSet};

use loften_core::dates::cadence_span;
use loften_core::model::Cadence;
use loften_core::text::{is_word_char, lowercase, slug, words};
use loften_core::{
    Activity, ActivityStatus, Actor, Agreement, AgreementKind, Area, AreaKind, Dataset, DoneCount,
    FollowUp, Frequency, Period, Progress, Promise, Report, ReportPeriod, Source,
};

use crate::rng::Rng;

/// The first part of a place name, as in "Björkhagen", "Ekdal", "Tranbacken".
const PLACE_PARTS: [&str; 48] = [
    "Norr", "Söder", "Väster", "Öster", "Björk", "Ek", "Lin", "Ros", "Sjö", "Berg", "Äng", "Ström",
    "Al", "Ask", "Asp", "Bok", "Gran", "Tall", "Hassel", "Lind", "Lönn", "Rönn", "Hag", "Kvarn",
    "Mölle", "Kyrk", "Sol", "Stjärn", "Stor", "Lång", "Hög", "Gull", "Silver", "Tran", "Svan",
    "Örn", "Falk", "Hjort", "Räv", "Varg", "Bäck", "Kärr", "Mos", "Myr", "Sand", "Sten", "Hav",
    "Fågel",
];

/// The end of a place name as it stands alone ("Björkhagen") and as the first part of a
/// compound ("Björkhagsskolan").
const PLACE_ENDS: [(&str, &str); 24] = [
    ("hagen", "hags"),
    ("backen", "backs"),
    ("dal", "dals"),
    ("ängen", "ängs"),
    ("torp", "torps"),
    ("vik", "viks"),
    ("gården", "gårds"),
    ("holm", "holms"),
    ("lund", "lunds"),
    ("by", "by"),
    ("hult", "hults"),
    ("näs", "näs"),
    ("strand", "strands"),
    ("sund", "sunds"),
    ("ås", "ås"),
    ("stad", "stads"),
    ("höjden", "höjds"),
    ("skogen", "skogs"),
    ("fors", "fors"),
    ("berga", "berga"),
    ("slätt", "slätts"),
    ("mossen", "moss"),
    ("ryd", "ryds"),
    ("sjön", "sjö"),
];

/// What a place lends its name to: "Ekdalsskolan", "Sjöviksvägen", "Tranbyhallen".
const PLACE_FACILITIES: [&str; 14] = [
    "skolan",
    "parken",
    "torget",
    "vägen",
    "gatan",
    "hallen",
    "badet",
    "gården",
    "kyrkan",
    "stationen",
    "biblioteket",
    "centrum",
    "planen",
    "stigen",
];

/// Endings of a noun's four forms: indefinite and definite singular, indefinite and definite
/// plural, added to a stem.
type Declension = [&'static str; 4];
/// insats, insatsen, insatser, insatserna
const ER: Declension = ["", "en", "er", "erna"];
/// vandring, vandringen, vandringar, vandringarna
const AR: Declension = ["", "en", "ar", "arna"];
/// skola, skolan, skolor, skolorna (stem "skol")
const OR: Declension = ["a", "an", "or", "orna"];
/// möte, mötet, möten, mötena (stem "möt")
const ETT_N: Declension = ["e", "et", "en", "ena"];
/// samtal, samtalet, samtal, samtalen
const ETT: Declension = ["", "et", "", "en"];
/// ledare, ledaren, ledare, ledarna (stem "ledar")
const ARE: Declension = ["e", "en", "e", "na"];
/// passage, passagen, passager, passagerna (stem "passag")
const E_ER: Declension = ["e", "en", "er", "erna"];
/// miljö, miljön, miljöer, miljöerna
const VOWEL_ER: Declension = ["", "n", "er", "erna"];

/// The last parts of compound nouns in civic-safety texts (what is done, where, by whom),
/// by how they inflect.
const NOUNS: [(Declension, &[&str]); 8] = [
    (AR, &AR_NOUNS),
    (ER, &ER_NOUNS),
    (ETT_N, &ETT_N_NOUNS),
    (OR, &OR_NOUNS),
    (ETT, &ETT_NOUNS),
    (VOWEL_ER, &VOWEL_ER_NOUNS),
    (ARE, &ARE_NOUNS),
    (E_ER, &E_ER_NOUNS),
];
const AR_NOUNS: [&str; 26] = [
    "vandring",
    "träff",
    "väg",
    "belysning",
    "gård",
    "utbildning",
    "förening",
    "värd",
    "inventering",
    "övning",
    "satsning",
    "kartläggning",
    "uppföljning",
    "kväll",
    "bil",
    "dag",
    "korsning",
    "övergång",
    "skylt",
    "utredning",
    "bevakning",
    "patrullering",
    "undersökning",
    "mätning",
    "ungdom",
    "mottagning",
];
const ER_NOUNS: [&str; 32] = [
    "insats",
    "plan",
    "grupp",
    "kontroll",
    "åtgärd",
    "dialog",
    "patrull",
    "plats",
    "lokal",
    "verksamhet",
    "kampanj",
    "enkät",
    "rapport",
    "analys",
    "tillsyn",
    "park",
    "vakt",
    "lägesbild",
    "rutin",
    "trafikant",
    "helg",
    "period",
    "kontakt",
    "information",
    "aktivitet",
    "tjänst",
    "resurs",
    "tid",
    "hållplats",
    "zon",
    "elev",
    "fastighet",
];
const ETT_N_NOUNS: [&str; 3] = ["möt", "områd", "arbet"];
const OR_NOUNS: [&str; 5] = ["skol", "kamer", "olyck", "fråg", "sträck"];
const ETT_NOUNS: [&str; 18] = [
    "samtal", "projekt", "nätverk", "råd", "besök", "brott", "torg", "hus", "stöd", "team",
    "avtal", "mål", "pass", "kvarter", "fartgupp", "larm", "lov", "uppdrag",
];
const VOWEL_ER_NOUNS: [&str; 2] = ["miljö", "strategi"];
const ARE_NOUNS: [&str; 7] = [
    "ledar",
    "samordnar",
    "handläggar",
    "förar",
    "invånar",
    "medborgar",
    "företagar",
];
const E_ER_NOUNS: [&str; 3] = ["passag", "händels", "överenskommels"];

/// First parts of compounds, each with the joining -s where Swedish puts one.
const MODIFIERS: [&str; 90] = [
    "trygghets",
    "trafik",
    "trafiksäkerhets",
    "brotts",
    "skol",
    "skolvägs",
    "fritids",
    "fritidsgårds",
    "ungdoms",
    "polis",
    "kommun",
    "grann",
    "drog",
    "narkotika",
    "alkohol",
    "tobaks",
    "vålds",
    "kvälls",
    "helg",
    "natt",
    "sommar",
    "lov",
    "centrum",
    "stads",
    "bostads",
    "hyres",
    "park",
    "gatu",
    "cykel",
    "gång",
    "buss",
    "parkerings",
    "belysnings",
    "kamera",
    "bevaknings",
    "säkerhets",
    "brand",
    "olycks",
    "klotter",
    "skadegörelse",
    "inbrotts",
    "stöld",
    "butiks",
    "handels",
    "krog",
    "nöjes",
    "idrotts",
    "förenings",
    "kultur",
    "biblioteks",
    "social",
    "familje",
    "föräldra",
    "elev",
    "barn",
    "senior",
    "invånar",
    "medborgar",
    "dialog",
    "samverkans",
    "samråds",
    "insats",
    "kontroll",
    "tillsyns",
    "hastighets",
    "kvarters",
    "områdes",
    "bostadsområdes",
    "torg",
    "hamn",
    "strand",
    "skogs",
    "frivillig",
    "ordnings",
    "mötes",
    "informations",
    "uppföljnings",
    "kris",
    "beredskaps",
    "räddnings",
    "fält",
    "nattvandrings",
    "mentors",
    "läxhjälps",
    "fotbolls",
    "moped",
    "järnvägs",
    "stations",
    "landsbygds",
    "demokrati",
];

/// Adjectives that end compounds ("trafiksäker", "brottsförebyggande"), in their forms.
const ADJECTIVES: [&[&str]; 12] = [
    &["vänlig", "vänligt", "vänliga"],
    &["säker", "säkert", "säkra"],
    &["fri", "fritt", "fria"],
    &["förebyggande"],
    &["skapande"],
    &["främjande"],
    &["inriktad", "inriktat", "inriktade"],
    &["relaterad", "relaterat", "relaterade"],
    &["nära"],
    &["intensiv", "intensivt", "intensiva"],
    &["ansvarig", "ansvarigt", "ansvariga"],
    &["anpassad", "anpassat", "anpassade"],
];

/// Verbs ("fotpatrullera") from a first part and a verb of the -ar conjugation.
const VERB_PARTS: [&str; 8] = [
    "fot",
    "natt",
    "kvälls",
    "cykel",
    "bil",
    "trygghets",
    "kamera",
    "samverkans",
];
const VERBS: [&str; 8] = [
    "patrullera",
    "vandra",
    "inventera",
    "övervaka",
    "bevaka",
    "kontrollera",
    "informera",
    "rapportera",
];
/// A verb's infinitive, present, past, supine and present participle.
const VERB_ENDINGS: [&str; 5] = ["", "r", "de", "t", "nde"];

/// How many words the lexicon holds, real and made up. Replacing a third of the longer words
/// draws about 50 words per agreement; from 25,000 ranked by Zipf's law that gives about
/// 18,000 distinct words for 3000 agreements, the same order as 30,000 real Swedish activity
/// texts would use; a larger dataset reaches further into the tail, up to the lexicon's size.
const LEXICON_SIZE: usize = 25_000;
/// The weight of the most frequent word; rank r weighs `ZIPF_SCALE / r`. Integers, so a seed
/// draws the same words on every machine.
const ZIPF_SCALE: u64 = 1 << 24;

/// Words to put in place of a template's words, most frequent first, each drawn with a
/// probability proportional to 1 / rank (Zipf's law, which word frequencies in running text
/// follow). The real texts' own words hold the top ranks, so they stay the most frequent;
/// made-up inflections, compounds and place names fill the long tail, most of them drawn once
/// or not at all, as rare words are in real text.
struct Lexicon {
    words: Vec<String>,
    /// `cumulative[r]`: the summed weights of ranks 0..=r.
    cumulative: Vec<u64>,
}

impl Lexicon {
    fn new(rng: &mut Rng, real_texts: &[&str]) -> Lexicon {
        let mut seen = HashSet::new();
        let mut words: Vec<String> = real_words(real_texts)
            .into_iter()
            .filter(|w| seen.insert(w.clone()))
            .collect();
        let (mut common, mut rare) = made_up_words(rng);
        shuffle(rng, &mut common);
        shuffle(rng, &mut rare);
        // Plain inflected words rank before compounds of two stems, as they are met more often.
        for word in common.into_iter().chain(rare) {
            if words.len() == LEXICON_SIZE {
                break;
            }
            if seen.insert(lowercase(&word)) {
                words.push(word);
            }
        }
        let mut total = 0;
        let cumulative = (1..=words.len() as u64)
            .map(|rank| {
                total += ZIPF_SCALE / rank;
                total
            })
            .collect();
        Lexicon { words, cumulative }
    }

    fn pick(&self, rng: &mut Rng) -> &str {
        let total = self.cumulative.last().copied().unwrap_or(0);
        let x = rng.below(total as usize) as u64;
        let rank = self.cumulative.partition_point(|&c| c <= x);
        &self.words[rank.min(self.words.len() - 1)]
    }
}

/// The real texts' words of more than three letters, most frequent first (ties in the order
/// first met). Names are left out (words never written in lowercase: "Eslöv", "Öxnehaga"), so
/// one kommun's places do not turn up in every other kommun's texts.
fn real_words(texts: &[&str]) -> Vec<String> {
    let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
    let mut lowercase_somewhere = HashSet::new();
    for text in texts {
        for word in text.split(|c: char| !is_word_char(c)) {
            if word.chars().count() <= 3 || !word.chars().all(char::is_alphabetic) {
                continue;
            }
            let lower = lowercase(word);
            if lower == word {
                lowercase_somewhere.insert(lower.clone());
            }
            let order = counts.len();
            counts.entry(lower).or_insert((0, order)).0 += 1;
        }
    }
    let mut ranked: Vec<(String, (usize, usize))> = counts
        .into_iter()
        .filter(|(w, _)| lowercase_somewhere.contains(w))
        .collect();
    ranked.sort_by_key(|&(_, (count, order))| (std::cmp::Reverse(count), order));
    ranked.into_iter().map(|(w, _)| w).collect()
}

/// Made-up words that read like Swedish civic-safety texts: the inflected forms of common
/// nouns, adjectives and verbs (the common ones), and compounds of real stems and place names
/// (the rare ones).
fn made_up_words(rng: &mut Rng) -> (Vec<String>, Vec<String>) {
    let noun_forms = |stem: &str, declension: &Declension| {
        let mut forms: Vec<String> = declension.iter().map(|e| format!("{stem}{e}")).collect();
        // The genitive of the definite form: "trygghetsvandringens".
        forms.push(format!("{}s", forms[1]));
        forms
    };
    let verb_forms =
        |stem: &str| -> Vec<String> { VERB_ENDINGS.iter().map(|e| format!("{stem}{e}")).collect() };

    let mut common = Vec::new();
    for (declension, stems) in &NOUNS {
        for stem in *stems {
            common.extend(noun_forms(stem, declension));
        }
    }
    for forms in ADJECTIVES {
        common.extend(forms.iter().map(|f| f.to_string()));
    }
    for verb in VERBS {
        common.extend(verb_forms(verb));
    }

    let mut rare = Vec::new();
    for modifier in MODIFIERS {
        for (declension, stems) in &NOUNS {
            for stem in *stems {
                rare.extend(noun_forms(&format!("{modifier}{stem}"), declension));
            }
        }
        for forms in ADJECTIVES {
            rare.extend(forms.iter().map(|f| format!("{modifier}{f}")));
        }
    }
    for part in VERB_PARTS {
        for verb in VERBS {
            rare.extend(verb_forms(&format!("{part}{verb}")));
        }
    }
    for part in PLACE_PARTS {
        for (alone, joined) in PLACE_ENDS {
            if alone.starts_with(&lowercase(part)) {
                continue; // "Sjösjön"
            }
            let name = format!("{part}{alone}");
            if !name.ends_with('s') {
                rare.push(format!("{name}s"));
            }
            rare.push(name);
            // A few of the things each place names, as a real town has a Björkhagsskolan but
            // not every kind of building after every place.
            for _ in 0..3 {
                rare.push(format!("{part}{joined}{}", rng.pick(&PLACE_FACILITIES)));
            }
        }
    }
    (common, rare)
}

fn shuffle<T>(rng: &mut Rng, items: &mut [T]) {
    for i in (1..items.len()).rev() {
        items.swap(i, rng.below(i + 1));
    }
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Mix a real text: keep its words and punctuation, swap about a third of its longer words
/// for words of the lexicon, so search sees Swedish sentences of real length without copying
/// whole ones. Short words ("och", "ska", "per") stay, so the sentences keep their grammar.
fn mixed_text(rng: &mut Rng, templates: &[&str], lexicon: &Lexicon) -> String {
    let template = rng.pick(templates);
    template
        .split(' ')
        .map(|token| {
            let not_word = |c: char| !is_word_char(c);
            let core = token.trim_matches(not_word);
            let start = token.len() - token.trim_start_matches(not_word).len();
            let replaceable = core.chars().count() > 3 && core.chars().all(char::is_alphabetic);
            if !replaceable || rng.below(3) != 0 {
                return token.to_string();
            }
            let word = lexicon.pick(rng);
            let word = if core.starts_with(char::is_uppercase) {
                capitalized(word)
            } else {
                word.to_string()
            };
            format!("{}{word}{}", &token[..start], &token[start + core.len()..])
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// How often each word occurs in the texts the search index reads (an agreement's own fields
/// and its län, its promises and activities with their places and partners), split and
/// lowercased by the search's tokenizer: the texts `Index::new` indexes, so its length is the
/// size of the search vocabulary.
pub fn word_counts(data: &Dataset) -> HashMap<String, usize> {
    let area_names: HashMap<&str, &str> = data
        .areas
        .iter()
        .map(|a| (a.id.as_str(), a.name.as_str()))
        .collect();
    fn count(counts: &mut HashMap<String, usize>, text: &str) {
        for word in words(text) {
            *counts.entry(word).or_insert(0) += 1;
        }
    }
    let mut counts = HashMap::new();
    for agreement in &data.agreements {
        let lan = data.lan_of(agreement);
        let texts = loften_core::query::agreement_texts(agreement)
            .chain(lan.iter().map(|l| l.name.as_str()));
        for text in texts {
            count(&mut counts, text);
        }
        let records = agreement
            .promises
            .iter()
            .map(|p| (&p.text, &p.areas, &[][..]))
            .chain(
                agreement
                    .activities
                    .iter()
                    .map(|a| (&a.text, &a.areas, &a.partners[..])),
            );
        for (text, areas, partners) in records {
            count(&mut counts, text);
            for name in areas.iter().filter_map(|id| area_names.get(id.as_str())) {
                count(&mut counts, name);
            }
            for partner in partners {
                count(&mut counts, partner);
            }
        }
    }
    counts
}

pub fn generate(real: &Dataset, agreements: usize, seed: u64) -> Dataset {
    let mut rng = Rng(seed);
    let promise_texts: Vec<&str> = real
        .agreements
        .iter()
        .flat_map(|a| a.promises.iter().map(|p| p.text.as_str()))
        .collect();
    let activity_texts: Vec<&str> = real
        .agreements
        .iter()
        .flat_map(|a| a.activities.iter().map(|p| p.text.as_str()))
        .collect();
    let real_texts: Vec<&str> = activity_texts
        .iter()
        .chain(&promise_texts)
        .copied()
        .collect();
    let lexicon = Lexicon::new(&mut rng, &real_texts);
    let topics: Vec<String> = real.topics.iter().map(|t| t.id.clone()).collect();
    let mut areas: Vec<Area> = Vec::new();
    let mut area_kommun: HashMap<String, String> = HashMap::new();
    let mut out = Vec::with_capacity(agreements);
    // Reports draw from a stream of their own, so that each seed's agreements are the same
    // with them as they were before there were any.
    let mut report_rng = Rng(seed ^ REPORT_STREAM);

    for n in 0..agreements {
        let kommun = rng.pick(&real.kommuner).clone();
        let from = 2015 + rng.below(11) as i32;
        let to = from + rng.below(3) as i32;
        let id = format!("{}-{from}-s{n}", kommun.slug);
        let kommun_areas: Vec<String> = (0..1 + rng.below(3))
            .map(|_| loop {
                let name = format!("{}{}", rng.pick(&PLACE_PARTS), rng.pick(&PLACE_ENDS).0);
                // An area's id is its kommun's name and its own, slugged, as the checks of
                // areas.json require; Håbo and Habo slug alike, so a name the other one
                // already has is drawn again.
                let area_id = format!("{}/{}", slug(&kommun.short_name), slug(&name));
                match area_kommun.get(&area_id) {
                    Some(other) if *other != kommun.short_name => continue,
                    Some(_) => {}
                    None => {
                        area_kommun.insert(area_id.clone(), kommun.short_name.clone());
                        areas.push(Area {
                            id: area_id.clone(),
                            name,
                            kommun: kommun.short_name.clone(),
                            kind: AreaKind::Stadsdel,
                        });
                    }
                }
                break area_id;
            })
            .collect();
        let pick_topics = |rng: &mut Rng| {
            let mut chosen = vec![rng.pick(&topics).clone()];
            if rng.below(2) == 0 {
                let extra = rng.pick(&topics).clone();
                if !chosen.contains(&extra) {
                    chosen.push(extra);
                }
            }
            chosen
        };
        let promises: Vec<Promise> = (0..1 + rng.below(3))
            .map(|i| Promise {
                id: format!("{id}-l{}", i + 1),
                text: mixed_text(&mut rng, &promise_texts, &lexicon),
                topics: pick_topics(&mut rng),
                areas: if rng.below(3) == 0 {
                    vec![rng.pick(&kommun_areas).clone()]
                } else {
                    vec![]
                },
            })
            .collect();
        let activities: Vec<Activity> = (0..10)
            .map(|i| {
                let actors = match rng.below(3) {
                    0 => vec![Actor::Polisen],
                    1 => vec![Actor::Kommunen],
                    _ => vec![Actor::Polisen, Actor::Kommunen],
                };
                let text = mixed_text(&mut rng, &activity_texts, &lexicon);
                let frequency = (rng.below(4) == 0).then(|| Frequency {
                    count: Some(1 + rng.below(6) as u32),
                    min: rng.below(2) == 0,
                    per: Some("år".into()),
                    text: text.split(' ').next().unwrap_or_default().to_string(),
                });
                Activity {
                    id: format!("{id}-a{}", i + 1),
                    text,
                    actors,
                    partners: vec![],
                    promise: Some(promises[rng.below(promises.len())].id.clone()),
                    topics: pick_topics(&mut rng),
                    areas: if rng.below(4) == 0 {
                        vec![rng.pick(&kommun_areas).clone()]
                    } else {
                        vec![]
                    },
                    frequency,
                }
            })
            .collect();
        let reports = follow_up_reports(&mut report_rng, &id, from, to, &activities);
        out.push(Agreement {
            id: id.clone(),
            kind: AgreementKind::Agreement,
            title: format!(
                "Medborgarlöfte {}",
                if from == to {
                    from.to_string()
                } else {
                    format!("{from}–{to}")
                }
            ),
            kommuner: vec![kommun.short_name.clone()],
            lokalpolisomrade: Some(kommun.short_name.clone()),
            period: Period {
                from,
                to,
                start: None,
                end: None,
            },
            signed: None,
            signatories: vec![],
            summary: Some(mixed_text(&mut rng, &promise_texts, &lexicon)),
            situation: None,
            priorities: vec![],
            promises,
            activities,
            effect: None,
            follow_up: Some(FollowUp {
                cadence: Some(Cadence::Tertial),
                text: None,
                reports,
            }),
            source: Source {
                title: format!("Syntetisk källa {n}"),
                publisher: None,
                document: None,
                url: None,
            },
            notes: Some("Syntetisk data för prestandamätning.".into()),
        });
    }
    let mut data = Dataset {
        kommuner: real.kommuner.clone(),
        lan: real.lan.clone(),
        topics: real.topics.clone(),
        areas,
        agreements: out,
    };
    data.sort();
    data
}

/// Seeds the stream the reports draw from, apart from the rest of an agreement's.
const REPORT_STREAM: u64 = 0x7E57_F011_0A0F_2018;

/// What a synthetic report says of an activity with a status, in words like a real one's.
fn status_text(status: Progress) -> &'static str {
    match status {
        Progress::Done => "Aktiviteten är genomförd enligt plan.",
        Progress::Ongoing => "Arbetet pågår och fortsätter under nästa tertial.",
        Progress::Partly => "Delvis genomfört, resterande del planeras till hösten.",
        Progress::NotStarted => "Har inte påbörjats på grund av resursbrist.",
        Progress::NotDone => "Inte genomförd under perioden.",
        Progress::Unassessable => "Uppgifter saknas för perioden.",
    }
}

/// A status, about as often as each comes in reports: done most, unassessable least.
fn synthetic_status(rng: &mut Rng) -> ActivityStatus {
    let status = match rng.below(20) {
        0..=6 => Progress::Done,
        7..=11 => Progress::Ongoing,
        12..=14 => Progress::Partly,
        15..=16 => Progress::NotStarted,
        17..=18 => Progress::NotDone,
        _ => Progress::Unassessable,
    };
    let text = (rng.below(2) == 0).then(|| status_text(status).to_string());
    let count = (rng.below(4) == 0).then(|| {
        let of = 1 + rng.below(20);
        DoneCount {
            done: Some(rng.below(of + 1) as u32),
            of: Some(of as u32),
            unit: Some("tillfällen".into()),
        }
    });
    ActivityStatus {
        activity: String::new(),
        status,
        text,
        count,
    }
}

/// A third of the agreements get one to three follow-up reports, for consecutive tertials
/// within their years, listed newest first; each speaks of a share of the activities (from a
/// third to all of them), some with a count. The rest get none, as most real agreements.
fn follow_up_reports(
    rng: &mut Rng,
    agreement: &str,
    from: i32,
    to: i32,
    activities: &[Activity],
) -> Vec<Report> {
    if rng.below(3) != 0 {
        return Vec::new();
    }
    let tertials = 3 * (to - from + 1) as usize;
    let count = (1 + rng.below(3)).min(tertials);
    let first = rng.below(tertials - count + 1);
    let share = 34 + rng.below(67);
    let mut reports = Vec::with_capacity(count);
    for (number, tertial) in (first..first + count).enumerate() {
        let year = from + (tertial / 3) as i32;
        let span = (tertial % 3) as u32;
        let start = chrono::NaiveDate::from_ymd_opt(year, 4 * span + 1, 1)
            .expect("a tertial starts on the first of a month");
        let end = cadence_span(Cadence::Tertial, start).last_day;
        let mut statuses = Vec::new();
        for activity in activities {
            if rng.below(100) < share {
                statuses.push(ActivityStatus {
                    activity: activity.id.clone(),
                    ..synthetic_status(rng)
                });
            }
        }
        reports.push(Report {
            id: Some(format!("{agreement}-r{}", number + 1)),
            title: format!("Uppföljning tertial {} {year}", span + 1),
            period: Some(ReportPeriod { start, end }),
            published: end.checked_add_days(chrono::Days::new(14 + rng.below(17) as u64)),
            url: None,
            document: None,
            statuses,
        });
    }
    reports.reverse();
    reports
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_dataset_and_ten_activities_each() {
        let mut real = Dataset {
            kommuner: vec![loften_core::Kommun {
                code: "0680".into(),
                name: "Jönköpings kommun".into(),
                short_name: "Jönköping".into(),
                lan_code: "06".into(),
                slug: "jonkoping".into(),
            }],
            topics: vec![loften_core::Topic {
                id: "trafik".into(),
                sv: "Trafik".into(),
                en: "Traffic".into(),
            }],
            ..Dataset::default()
        };
        let mut a = Agreement {
            id: "x".into(),
            kind: AgreementKind::Agreement,
            title: "t".into(),
            kommuner: vec![],
            lokalpolisomrade: None,
            period: Period {
                from: 2020,
                to: 2020,
                start: None,
                end: None,
            },
            signed: None,
            signatories: vec![],
            summary: None,
            situation: None,
            priorities: vec![],
            promises: vec![],
            activities: vec![],
            effect: None,
            follow_up: None,
            source: Source {
                title: "s".into(),
                publisher: None,
                document: None,
                url: None,
            },
            notes: None,
        };
        a.promises.push(Promise {
            id: "p".into(),
            text: "Skapa förutsättningar för en drogfri miljö".into(),
            topics: vec![],
            areas: vec![],
        });
        a.activities.push(Activity {
            id: "q".into(),
            text: "Polisen ska genomföra trafikkontroller i hela kommunen".into(),
            actors: vec![],
            partners: vec![],
            promise: None,
            topics: vec![],
            areas: vec![],
            frequency: None,
        });
        real.agreements.push(a);
        let one = generate(&real, 20, 7);
        assert_eq!(one, generate(&real, 20, 7));
        assert_ne!(one, generate(&real, 20, 8));
        assert_eq!(one.agreements.len(), 20);
        assert!(one
            .agreements
            .iter()
            .all(|a| a.activities.len() == 10 && a.kommuner == ["Jönköping"]));
    }
}
