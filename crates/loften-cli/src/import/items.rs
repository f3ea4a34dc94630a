//! What an activity's own words say: who does it (polisen, kommunen or both), which other
//! organisations take part, and how often.

use super::lexicon::{
    AND_WORDS, ARTICLES, AT, AT_LEAST, BEFORE_A_PLACE, CLAUSE_WORDS, COUNTED_FOR, COUNTERS, DAYS,
    DAY_LIST_JOINERS, DEFINITE, DOER_LIST_OPENINGS, DURING_THE_YEAR, EVERY, EVERY_DAY, JOINT,
    KOMMUN_PARTY_WORDS, LABEL_BEFORE, MEASURE_AFTER, MODALS, ON_AVERAGE, PASSIVE_AGENT,
    PASSIVE_ENDING, PERIODIC, POLICE_STEM, PURPOSE_OPENINGS, RATE_WORDS,
    RATE_WORDS_BEFORE_DEFINITE, STOP, THE_KOMMUN, UNIT_WORDS, WE, WITHIN,
};
use crate::import::swedish::{count, year};
use loften_core::model::{Actor, Cadence, Frequency};
use loften_core::text::fold;

use super::words::{adjacent, gap, words_of, Word};

/// Who does an activity.
#[derive(Debug, Default, PartialEq)]
pub struct Doers {
    pub actors: Vec<Actor>,
    pub partners: Vec<String>,
    /// The activity's words name no actor, so those of its list's lead-in were taken:
    /// "Under tiden … lovar polisen att: • Fokusera …", or its "vi" (police and kommun):
    /// "… ska vi arbeta … genom att: • Kommunikationsinsatser".
    pub from_lead_in: bool,
}

impl Doers {
    fn add(&mut self, actor: Actor) {
        if !self.actors.contains(&actor) {
            self.actors.push(actor);
            self.actors.sort();
        }
    }

    fn both(&mut self) {
        self.add(Actor::Polisen);
        self.add(Actor::Kommunen);
    }
}

/// "Polisen", "polis", "områdespoliserna", "Lokalpolisområde": the police.
fn is_police_word(lower: &str) -> bool {
    lower.contains(POLICE_STEM)
}

/// "Kommunen", "Eslövs kommun", "Malmö stad": the kommun (not "kommunalt", "kommuninvånare").
fn is_kommun_word(lower: &str) -> bool {
    KOMMUN_PARTY_WORDS.contains(&lower)
}

fn sentence_ends_between(text: &str, before: &Word, after: &Word) -> bool {
    gap(text, before, after).contains(['.', '!', '?'])
}

/// Indices of the words of the activity's main clauses. Purpose clauses ("för att …",
/// "i syfte att …") say why, not who: "för att skapa gemensamma lägesbilder" does not
/// make the work joint. One inside a sentence runs to its end; one that opens it ends at
/// a comma or the verb that follows it ("För att minska skadegörelsen lovar vi att:").
fn main_clause(text: &str, words: &[Word]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut purpose: Option<bool> = None; // Some(fronted) while in a purpose clause
    for (i, w) in words.iter().enumerate() {
        let starts_sentence = i == 0 || sentence_ends_between(text, &words[i - 1], w);
        let verb_or_comma = MODALS.contains(&w.lower.as_str())
            || (i > 0 && gap(text, &words[i - 1], w).contains(','));
        if starts_sentence || (purpose == Some(true) && verb_or_comma) {
            purpose = None;
        }
        let next = words.get(i + 1).map(|n| n.lower.as_str());
        let opens_purpose = PURPOSE_OPENINGS
            .iter()
            .any(|&(first, second)| w.is(first) && next == Some(second));
        if opens_purpose && purpose.is_none() {
            purpose = Some(starts_sentence);
        }
        if purpose.is_none() {
            out.push(i);
        }
    }
    out
}

/// The words before the first sentence's verb ("Kommunens strategiska säkerhetsgrupp (SSG)"
/// of "… ska träffas …"); none when the sentence has no such verb ("Två gemensamma …").
fn subject<'w>(text: &str, words: &'w [Word], main: &[usize]) -> &'w [Word<'w>] {
    let mut end = None;
    for (n, &i) in main.iter().enumerate() {
        let ends_sentence = n > 0 && sentence_ends_between(text, &words[main[n - 1]], &words[i]);
        if ends_sentence || i != n {
            break; // the first sentence ended, or a purpose clause cut it
        }
        if MODALS.contains(&words[i].lower.as_str()) {
            end = Some(i);
            break;
        }
    }
    end.map_or(&[], |e| &words[..e])
}

/// The organisations in a list after "tillsammans med", "i samverkan med" or a passive
/// verb's "av": "Vätterhem och områdespolis", "Räddningstjänsten Syd samt polis".
/// Capitalized names become partners unless they are places or kommuner (`not_partners`,
/// folded); police and kommun words become actors.
fn read_list(
    text: &str,
    words: &[Word],
    main: &[usize],
    mut p: usize,
    not_partners: &[String],
    doers: &mut Doers,
) {
    while let Some(&i) = main.get(p) {
        let word = &words[i];
        let next_p = if is_police_word(&word.lower) {
            doers.add(Actor::Polisen);
            p + 1
        } else if is_kommun_word(&word.lower) {
            doers.add(Actor::Kommunen);
            p + 1
        } else if word.is_capitalized() {
            read_name(text, words, main, p, not_partners, doers)
        } else {
            return;
        };
        let (Some(&last), Some(&next)) = (main.get(next_p - 1), main.get(next_p)) else {
            return;
        };
        let between = gap(text, &words[last], &words[next]).trim();
        p = match between {
            "," => next_p,
            "" if AND_WORDS.contains(&words[next].lower.as_str()) => next_p + 1,
            _ => return,
        };
    }
}

/// A capitalized name in a list ("Räddningstjänsten Syd", "Jönköpings kommun"); returns
/// where the list goes on.
fn read_name(
    text: &str,
    words: &[Word],
    main: &[usize],
    p: usize,
    not_partners: &[String],
    doers: &mut Doers,
) -> usize {
    let continues = |q: usize| {
        main.get(q).is_some_and(|&j| {
            words[j].is_capitalized()
                && !is_police_word(&words[j].lower)
                && adjacent(text, &words[main[q - 1]], &words[j])
        })
    };
    let mut q = p + 1;
    while continues(q) {
        q += 1;
    }
    let (first, last) = (&words[main[p]], &words[main[q - 1]]);
    if main
        .get(q)
        .is_some_and(|&j| is_kommun_word(&words[j].lower) && adjacent(text, last, &words[j]))
    {
        doers.add(Actor::Kommunen);
        return q + 1;
    }
    let name = &text[first.start..last.end];
    if !not_partners.contains(&fold(name)) && !doers.partners.iter().any(|p| p == name) {
        doers.partners.push(name.to_string());
    }
    q
}

/// Where a list of doers begins in the main clause: after "tillsammans med", "i samverkan
/// med", "i samarbete med", or a passive verb's "av" ("genomföras av").
fn list_starts(words: &[Word], main: &[usize]) -> Vec<usize> {
    let at = |p: usize| main.get(p).map(|&i| words[i].lower.as_str());
    (0..main.len())
        .filter(|&p| {
            // An opening's last two words are at `p` and `p + 1`.
            let opens_list = DOER_LIST_OPENINGS.iter().any(|phrase| {
                (p + 2).checked_sub(phrase.len()).is_some_and(|first| {
                    phrase
                        .iter()
                        .enumerate()
                        .all(|(k, word)| at(first + k) == Some(*word))
                })
            });
            let (w, next) = (at(p).unwrap_or(""), at(p + 1));
            let passive_agent =
                w.chars().count() > 4 && w.ends_with(PASSIVE_ENDING) && next == Some(PASSIVE_AGENT);
            opens_list || passive_agent
        })
        .map(|p| p + 2)
        .collect()
}

/// Who does an activity, from its words: the subject before "ska" ("Kommunen och Polisen
/// ska"), lists after "tillsammans med", "gemensam/gemensamt" (both), and when nothing
/// else says, police named anywhere in the main clause ("närvaro av områdespoliser").
/// A line that names who is responsible (`responsible`) says it outright, so it wins.
pub fn doers(
    text: &str,
    lead_in: Option<&str>,
    responsible: Option<&str>,
    not_partners: &[String],
) -> Doers {
    let words = words_of(text);
    let main = main_clause(text, &words);
    let mut doers = Doers::default();
    for w in subject(text, &words, &main) {
        if is_police_word(&w.lower) {
            doers.add(Actor::Polisen);
        } else if is_kommun_word(&w.lower) {
            doers.add(Actor::Kommunen);
        }
    }
    for start in list_starts(&words, &main) {
        read_list(text, &words, &main, start, not_partners, &mut doers);
    }
    if main.iter().any(|&i| words[i].lower.starts_with(JOINT)) {
        doers.both();
    }
    if doers.actors.is_empty() {
        // "i kommunen", "inom kommunen" name a place, not who does the work.
        let is_place = |i: usize| i > 0 && BEFORE_A_PLACE.contains(&words[i - 1].lower.as_str());
        for &i in main.iter().filter(|&&i| !is_place(i)) {
            match words[i].lower.as_str() {
                w if THE_KOMMUN.contains(&w) => doers.add(Actor::Kommunen),
                w if is_police_word(w) => doers.add(Actor::Polisen),
                _ => {}
            }
        }
    }
    let named = responsible
        .or_else(|| trailing_parenthesis(text))
        .map(lead_in_actors)
        .unwrap_or_default();
    if !named.is_empty() {
        doers.actors = named;
    } else if doers.actors.is_empty() {
        doers.actors = lead_in.map(lead_in_actors).unwrap_or_default();
        doers.from_lead_in = !doers.actors.is_empty();
    }
    doers
}

/// "Nya gångbanor vid skolan (Kommunen)": who is responsible, in parentheses at the end.
fn trailing_parenthesis(text: &str) -> Option<&str> {
    let inner = text
        .trim_end_matches(['.', ' '])
        .strip_suffix(')')?
        .rsplit_once('(')?
        .1;
    let names_doers = words_of(inner).iter().all(|w| {
        is_police_word(&w.lower)
            || is_kommun_word(&w.lower)
            || AND_WORDS.contains(&w.lower.as_str())
    });
    names_doers.then_some(inner)
}

/// Who a list's lead-in says does its items: police and kommun words of its main clause
/// ("lovar polisen att:", "Polisen och Vadstena kommun lovar att:"), or "vi", which on a
/// joint page is both.
fn lead_in_actors(lead_in: &str) -> Vec<Actor> {
    let words = words_of(lead_in);
    let mut doers = Doers::default();
    for i in main_clause(lead_in, &words) {
        match words[i].lower.as_str() {
            WE => doers.both(),
            w if is_police_word(w) => doers.add(Actor::Polisen),
            w if is_kommun_word(w) => doers.add(Actor::Kommunen),
            _ => {}
        }
    }
    doers.actors
}

/// A frequency found in a text, as a byte range of it.
#[derive(Debug, Clone, PartialEq)]
struct Found {
    start: usize,
    end: usize,
    count: Option<u32>,
    min: bool,
    per: Option<Unit>,
}

/// The period a frequency counts in. The dataset keeps it as its Swedish word
/// (`Frequency::per`); the three a follow-up can run in are also a `Cadence`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Dag,
    Vecka,
    Manad,
    Kvartal,
    Tertial,
    Termin,
    Halvar,
    Ar,
}

impl Unit {
    /// The word `Frequency::per` holds: "år", "vecka".
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Dag => "dag",
            Unit::Vecka => "vecka",
            Unit::Manad => "månad",
            Unit::Kvartal => "kvartal",
            Unit::Tertial => "tertial",
            Unit::Termin => "termin",
            Unit::Halvar => "halvår",
            Unit::Ar => "år",
        }
    }

    /// The follow-up cadence this period is, when the schema has one for it.
    pub fn cadence(self) -> Option<Cadence> {
        match self {
            Unit::Tertial => Some(Cadence::Tertial),
            Unit::Kvartal => Some(Cadence::Kvartal),
            Unit::Ar => Some(Cadence::Ar),
            _ => None,
        }
    }
}

/// "år", "året" → `Unit::Ar`: the unit a period word names.
pub fn unit(lower: &str) -> Option<Unit> {
    UNIT_WORDS
        .iter()
        .find(|(word, _)| *word == lower)
        .map(|&(_, unit)| unit)
}

fn periodic_at(words: &[Word], i: usize) -> Option<Found> {
    let w = &words[i];
    let (_, per) = PERIODIC
        .iter()
        .find(|(prefix, _)| w.lower.starts_with(prefix))?;
    Some(Found {
        start: w.start,
        end: w.end,
        count: None,
        min: false,
        per: Some(*per),
    })
}

/// "fredagar", "helgkvällar": days that recur every week.
fn is_day_word(lower: &str) -> bool {
    DAYS.iter().any(|d| lower.starts_with(d))
}

/// "varje vecka", "alla fredagar, lördagar och andra helgkvällar": every such day or period.
fn every_at(text: &str, words: &[Word], i: usize) -> Option<Found> {
    let w = &words[i];
    let next = words
        .get(i + 1)
        .filter(|n| EVERY_DAY.contains(&w.lower.as_str()) && adjacent(text, w, n))?;
    if let Some(per) = unit(&next.lower).filter(|_| w.is(EVERY)) {
        return Some(Found {
            start: w.start,
            end: next.end,
            count: None,
            min: false,
            per: Some(per),
        });
    }
    if !is_day_word(&next.lower) {
        return None;
    }
    let mut last = i + 1;
    for j in i + 2..words.len() {
        let between = gap(text, &words[j - 1], &words[j]).trim();
        let joiner = DAY_LIST_JOINERS.contains(&words[j].lower.as_str());
        if !(between.is_empty() || between == ",") || !(joiner || is_day_word(&words[j].lower)) {
            break;
        }
        if !joiner {
            last = j;
        }
    }
    Some(Found {
        start: w.start,
        end: words[last].end,
        count: None,
        min: false,
        per: Some(Unit::Vecka),
    })
}

/// "per år", "varje år", "om året", "i månaden" at word `j`: the last word and the unit.
pub(super) fn per_clause(text: &str, words: &[Word], j: usize) -> Option<(usize, Unit)> {
    let (w, next) = (words.get(j)?, words.get(j + 1)?);
    if !adjacent(text, w, next) {
        return None;
    }
    let definite = next.lower.ends_with(['t', 'n']);
    let fits = RATE_WORDS.contains(&w.lower.as_str())
        || (RATE_WORDS_BEFORE_DEFINITE.contains(&w.lower.as_str()) && definite);
    fits.then(|| unit(&next.lower))
        .flatten()
        .map(|u| (j + 1, u))
}

/// A period a few words after a counted phrase, in the same clause: "minst sex insatser mot
/// langning per år", "tre trygghetsvandringar under året". The last word and the unit.
fn per_clause_after(text: &str, words: &[Word], j: usize) -> Option<(usize, Unit)> {
    for k in j..(j + 4).min(words.len()) {
        if k > j && !adjacent(text, &words[k - 1], &words[k]) {
            return None;
        }
        if let Some(found) = per_clause(text, words, k) {
            return Some(found);
        }
        let [during, the_year] = DURING_THE_YEAR;
        let during_the_year = words[k].is(during)
            && words
                .get(k + 1)
                .is_some_and(|n| n.is(the_year) && adjacent(text, &words[k], n));
        if during_the_year {
            return Some((k + 1, Unit::Ar));
        }
        if CLAUSE_WORDS.contains(&words[k].lower.as_str()) || count(words[k].text).is_some() {
            return None;
        }
    }
    None
}

/// How many words after word `from` belong to the counted noun phrase (at most `limit`).
pub(super) fn phrase_len(text: &str, words: &[Word], from: usize, limit: usize) -> usize {
    (from + 1..words.len())
        .take(limit)
        .take_while(|&j| {
            adjacent(text, &words[j - 1], &words[j])
                && !STOP.contains(&words[j].lower.as_str())
                && count(words[j].text).is_none()
        })
        .count()
}

/// "under året kommer 4 …": "under året" a few words before the count gives it a period.
fn during_the_year_before(text: &str, words: &[Word], first: usize) -> Option<usize> {
    let [during, the_year] = DURING_THE_YEAR;
    (first.saturating_sub(4)..first).find(|&k| {
        words[k].is(during)
            && words.get(k + 1).is_some_and(|n| n.is(the_year))
            && (k + 1..=first).all(|j| adjacent(text, &words[j - 1], &words[j]))
    })
}

/// The word `k` places before word `i` when only spaces separate them.
fn joined_before<'w, 't>(
    text: &str,
    words: &'w [Word<'t>],
    i: usize,
    k: usize,
) -> Option<&'w Word<'t>> {
    let first = i.checked_sub(k)?;
    (first + 1..=i)
        .all(|j| adjacent(text, &words[j - 1], &words[j]))
        .then(|| &words[first])
}

/// Whether the number at word `i` is a label ("årskurs 4"), a measure ("3 år") or a
/// definite "which" ("de två skolorna") rather than a count.
pub(super) fn is_not_a_count(text: &str, words: &[Word], i: usize) -> bool {
    let w = &words[i];
    let digits = w.text.chars().all(|c| c.is_ascii_digit());
    let before = joined_before(text, words, i, 1).map(|p| p.lower.as_str());
    let labelled =
        (digits || before == Some(WITHIN)) && before.is_some_and(|b| LABEL_BEFORE.contains(&b));
    let definite = !digits && before.is_some_and(|b| DEFINITE.contains(&b));
    let measured = words.get(i + 1).is_some_and(|next| {
        MEASURE_AFTER.contains(&next.lower.as_str()) && adjacent(text, w, next)
    });
    labelled || definite || measured
}

/// Where a count's phrase begins: "minst" makes it a minimum, and "vid" belongs to it when
/// a counted noun follows ("vid minst fyra tillfällen", not "vid minst två per år riskhelger").
fn count_start(text: &str, words: &[Word], i: usize, has_noun: bool) -> (usize, bool) {
    let min = joined_before(text, words, i, 1).is_some_and(|p| p.is(AT_LEAST));
    let first = if min { i - 1 } else { i };
    let vid = has_noun && joined_before(text, words, first, 1).is_some_and(|p| p.is(AT));
    let first = if vid { first - 1 } else { first };
    // "i genomsnitt en gång i månaden": an average is part of the frequency.
    let [on, average] = ON_AVERAGE;
    let on_average = joined_before(text, words, first, 2)
        .is_some_and(|p| p.is(on) && words[first - 1].is(average));
    (if on_average { first - 2 } else { first }, min)
}

/// A count at word `i` and what it counts: "minst två gemensamma tillsyner per år",
/// "vid minst fyra tillfällen", "30 trafikkontroller", "en trygghetsvandring per år".
fn count_at(text: &str, words: &[Word], i: usize) -> Option<Found> {
    let w = &words[i];
    let n = count(w.text).filter(|&n| n > 0 && year(w.text).is_none())?;
    if is_not_a_count(text, words, i) {
        return None;
    }
    let noun_len = phrase_len(text, words, i, 3);
    let mut j = i + 1 + noun_len;
    let counter_for = noun_len > 0
        && COUNTERS.contains(&words[j - 1].lower.as_str())
        && words
            .get(j)
            .is_some_and(|f| f.is(COUNTED_FOR) && adjacent(text, &words[j - 1], f));
    if counter_for {
        let complement = phrase_len(text, words, j, 2);
        j += if complement > 0 { 1 + complement } else { 0 };
    }
    let per = per_clause(text, words, j)
        .or_else(|| per_clause_after(text, words, j))
        .filter(|_| {
            words
                .get(j)
                .is_some_and(|n| adjacent(text, &words[j - 1], n))
        });
    let article = ARTICLES.contains(&w.lower.as_str());
    // "en kontroll" is an article, "minst en kontroll" a count.
    let at_least = joined_before(text, words, i, 1).is_some_and(|p| p.is(AT_LEAST));
    if (noun_len == 0 || (article && !at_least)) && per.is_none() {
        return None;
    }
    let end = per.map_or(words[j - 1].end, |(k, _)| words[k].end);
    let (first, min) = count_start(text, words, i, noun_len > 0);
    let (first, per) = match (per, during_the_year_before(text, words, first)) {
        (None, Some(k)) => (k, Some(Unit::Ar)),
        (per, _) => (first, per.map(|(_, u)| u)),
    };
    Some(Found {
        start: words[first].start,
        end,
        count: Some(n),
        min,
        per,
    })
}

/// "varje år genomföra minst en kontroll": a period without a count and a count without a
/// period, a word or two apart, are one frequency.
fn with_nearby_count(text: &str, words: &[Word], period: &Found, found: &[Found]) -> Found {
    if period.count.is_some() || period.per.is_none() {
        return period.clone();
    }
    let words_between = |from: usize, to: usize| {
        let between = &text[from..to];
        let clean = !between.contains(['.', ',', ';', ':']);
        let n = words
            .iter()
            .filter(|w| w.start >= from && w.end <= to)
            .count();
        clean && n <= 2
    };
    found
        .iter()
        .find(|f| {
            f.count.is_some()
                && f.per.is_none()
                && f.start >= period.end
                && words_between(period.end, f.start)
        })
        .map_or_else(
            || period.clone(),
            |count| Found {
                start: period.start,
                end: count.end,
                count: count.count,
                min: count.min,
                per: period.per,
            },
        )
}

/// How often an activity is done, in its own words; `text` of the result is a verbatim
/// part of the activity. The second value says how many other frequencies the text gives
/// (the first one is taken).
pub fn frequency(text: &str) -> (Option<Frequency>, usize) {
    let (found, others) = frequency_and_unit(text);
    (found.map(|(frequency, _)| frequency), others)
}

/// `frequency`, with the unit it counts in as a `Unit` rather than the dataset's word.
pub fn frequency_and_unit(text: &str) -> (Option<(Frequency, Option<Unit>)>, usize) {
    let words = words_of(text);
    let found: Vec<Found> = (0..words.len())
        .filter_map(|i| {
            count_at(text, &words, i)
                .or_else(|| every_at(text, &words, i))
                .or_else(|| periodic_at(&words, i))
        })
        .collect();
    let Some(first) = found.iter().min_by_key(|f| f.start) else {
        return (None, 0);
    };
    let chosen = &with_nearby_count(text, &words, first, &found);
    let others = found
        .iter()
        .filter(|f| f.start >= chosen.end || f.end <= chosen.start)
        .count();
    let frequency = Frequency {
        count: chosen.count,
        min: chosen.min,
        per: chosen.per.map(|u| u.as_str().to_string()),
        text: text[chosen.start..chosen.end].to_string(),
    };
    (Some((frequency, chosen.per)), others)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn freq(text: &str) -> Option<(Option<u32>, bool, Option<String>, String)> {
        frequency(text).0.map(|f| (f.count, f.min, f.per, f.text))
    }

    #[test]
    fn frequencies_in_the_wordings_pages_use() {
        let s = |t: &str| t.to_string();
        assert_eq!(
            freq("ska genomföra minst två gemensamma tillsyner per år enligt lagen"),
            Some((
                Some(2),
                true,
                Some(s("år")),
                s("minst två gemensamma tillsyner per år")
            ))
        );
        assert_eq!(
            freq("gemensamt vid minst två per år riskhelger jobba riktat"),
            Some((Some(2), true, Some(s("år")), s("minst två per år")))
        );
        assert_eq!(
            freq("genomföra gemensamma krogtillsyner vid minst fyra tillfällen."),
            Some((Some(4), true, None, s("vid minst fyra tillfällen")))
        );
        assert_eq!(
            freq("Utöver detta kommer 30 trafikkontroller att genomföras"),
            Some((Some(30), false, None, s("30 trafikkontroller")))
        );
        assert_eq!(
            freq("gemensamt genomföra en trygghetsvandring per år"),
            Some((
                Some(1),
                false,
                Some(s("år")),
                s("en trygghetsvandring per år")
            ))
        );
        assert_eq!(
            freq("Två tillfällen för gemensam medborgardialog i Eslövs kommun."),
            Some((
                Some(2),
                false,
                None,
                s("Två tillfällen för gemensam medborgardialog")
            ))
        );
        assert_eq!(
            freq("och under året kommer 4 riktade trafikinsatser, utifrån"),
            Some((
                Some(4),
                false,
                Some(s("år")),
                s("under året kommer 4 riktade trafikinsatser")
            ))
        );
        assert_eq!(
            freq("fortsätta sin veckovisa samverkan"),
            Some((None, false, Some(s("vecka")), s("veckovisa")))
        );
        assert_eq!(
            freq("Fotpatrullering alla fredagar, lördagar och andra helgkvällar i centrum"),
            Some((
                None,
                false,
                Some(s("vecka")),
                s("alla fredagar, lördagar och andra helgkvällar")
            ))
        );
    }

    #[test]
    fn frequencies_with_their_period_further_on_or_first() {
        let s = |t: &str| t.to_string();
        assert_eq!(
            freq("ska genomföra minst sex riktade insatser mot langning per år."),
            Some((
                Some(6),
                true,
                Some(s("år")),
                s("minst sex riktade insatser mot langning per år")
            ))
        );
        assert_eq!(
            freq("ska minst tre gånger under året träffa företagare"),
            Some((
                Some(3),
                true,
                Some(s("år")),
                s("minst tre gånger under året")
            ))
        );
        assert_eq!(
            freq("ska varje år genomföra minst en kontroll av serveringen"),
            Some((
                Some(1),
                true,
                Some(s("år")),
                s("varje år genomföra minst en kontroll")
            ))
        );
        assert_eq!(
            freq("ska i genomsnitt en gång i månaden under året hålla öppet hus"),
            Some((
                Some(1),
                false,
                Some(s("månad")),
                s("i genomsnitt en gång i månaden")
            ))
        );
        assert_eq!(freq("ta bort klotter inom två dygn"), None);
        assert_eq!(
            freq("trafikkontroller på riksväg 84 minst en gång i månaden"),
            Some((
                Some(1),
                true,
                Some(s("månad")),
                s("minst en gång i månaden")
            ))
        );
    }

    #[test]
    fn labels_measures_and_articles_are_not_frequencies() {
        assert_eq!(freq("för samtliga elever i årskurs 4 i kommunen"), None);
        assert_eq!(
            freq("orosanmälan enligt 14 kap 1 §, Socialtjänstlagen"),
            None
        );
        assert_eq!(freq("genomföra en enkätundersökning"), None);
        assert_eq!(freq("under 2016 och kommande tre år"), None);
    }

    #[test]
    fn actors_from_subject_lists_and_joint_wording() {
        let actors = |text: &str| doers(text, None, None, &[]).actors;
        assert_eq!(
            actors("Polisen ska genomföra en enkätundersökning."),
            [Actor::Polisen]
        );
        assert_eq!(
            actors("Kommunen och Polisen ska genomföra krogtillsyner."),
            [Actor::Polisen, Actor::Kommunen]
        );
        assert_eq!(
            actors("Kommunen ska tillsammans med polisen fortsätta."),
            [Actor::Polisen, Actor::Kommunen]
        );
        assert_eq!(
            actors("Två gemensamma trygghetsvandringar i Eslövs kommun."),
            [Actor::Polisen, Actor::Kommunen]
        );
        assert_eq!(
            actors("Kommunens säkerhetsgrupp ska träffas för att redovisa gemensamma lägesbilder."),
            [Actor::Kommunen]
        );
        assert_eq!(
            actors("Polisen ska regelbundet genomföra trafikkontroller i hela kommunen"),
            [Actor::Polisen]
        );
        assert_eq!(
            actors("Kontinuerlig närvaro av områdespoliser i stadsdelarna."),
            [Actor::Polisen]
        );
        assert!(actors("Två riktade trafikinsatser i centrala Eslöv.").is_empty());
    }

    #[test]
    fn partners_are_named_organisations() {
        let d = doers(
            "Utbildningen kommer att genomföras av Räddningstjänsten Syd samt polis.",
            None,
            None,
            &[],
        );
        assert_eq!(
            (d.actors, d.partners),
            (
                vec![Actor::Polisen],
                vec!["Räddningstjänsten Syd".to_string()]
            )
        );
        let d = doers(
            "Kommunens personal ska tillsammans med Vätterhem och områdespolis fortsätta.",
            None,
            None,
            &[],
        );
        assert_eq!(
            (d.actors, d.partners),
            (
                vec![Actor::Polisen, Actor::Kommunen],
                vec!["Vätterhem".to_string()]
            )
        );
        let d = doers(
            "Kommunen ska i samverkan med föreningar hjälpa till.",
            None,
            None,
            &[],
        );
        assert!(d.partners.is_empty());
    }

    #[test]
    fn a_lead_in_names_the_doers_of_items_that_name_none() {
        let d = doers(
            "Kommunikationsinsatser",
            Some("ska vi arbeta mot de prioriterade områdena genom att:"),
            None,
            &[],
        );
        assert_eq!(
            (d.actors, d.from_lead_in),
            (vec![Actor::Polisen, Actor::Kommunen], true)
        );
        let d = doers(
            "Fokusera på utsatta brottsoffer.",
            Some("Under tiden 1 januari 2023 - 31 december 2024 lovar polisen att:"),
            None,
            &[],
        );
        assert_eq!(d.actors, [Actor::Polisen]);
        let d = doers(
            "Polisen ska besöka skolorna.",
            Some("För att minska skadegörelsen lovar vi att:"),
            None,
            &[],
        );
        assert_eq!(d.actors, [Actor::Polisen]);
        let d = doers(
            "Besöka skolorna.",
            Some("För att minska skadegörelsen lovar vi att:"),
            None,
            &[],
        );
        assert_eq!(d.actors, [Actor::Polisen, Actor::Kommunen]);
        let d = doers(
            "Kommunen ska ordna belysning.",
            Some("Under samma tid lovar polisen att:"),
            None,
            &[],
        );
        assert_eq!((d.actors, d.from_lead_in), (vec![Actor::Kommunen], false));
        let d = doers(
            "Nya gångbanor vid skolan (Kommunen och polisen)",
            Some("Det här gör vi:"),
            None,
            &[],
        );
        assert_eq!(
            (d.actors, d.from_lead_in),
            (vec![Actor::Polisen, Actor::Kommunen], false)
        );
        let d = doers(
            "Informera äldre om bedrägerier.",
            Some("Aktiviteter"),
            Some("Polisen och kommunen"),
            &[],
        );
        assert_eq!(
            (d.actors, d.from_lead_in),
            (vec![Actor::Polisen, Actor::Kommunen], false)
        );
    }
}
