//! Topics and areas of a promise or activity, from its words.

use super::lexicon::{CENTRE, CENTRE_PHRASES, KOMMUN_WORDS, PLACE_PREPOSITIONS, TOPIC_CUES};
use loften_core::model::{Area, AreaKind, Topic};
use loften_core::text::{fold, lowercase};

use super::words::{words_of, WordIndex};

fn cue_matches(cue: &str, word: &str) -> bool {
    if let Some(whole) = cue.strip_prefix('=') {
        word == whole
    } else if let Some(inside) = cue.strip_prefix('*') {
        word.contains(inside)
    } else {
        word.starts_with(cue)
    }
}

/// Topic ids for a text, in the order of `data/topics.json`; only ids it holds.
pub fn topics(text: &str, known: &[Topic]) -> Vec<String> {
    let words: Vec<String> = words_of(text).into_iter().map(|w| w.lower).collect();
    let lower = text.to_lowercase();
    let tells = |cues: &[&str]| {
        cues.iter().any(|c| {
            if c.contains(' ') {
                lower.contains(c)
            } else {
                words.iter().any(|w| cue_matches(c, w))
            }
        })
    };
    known
        .iter()
        .filter(|topic| {
            TOPIC_CUES
                .iter()
                .any(|(id, cues)| *id == topic.id && tells(cues))
        })
        .map(|topic| topic.id.clone())
        .collect()
}

/// Words that point at a kommun's centre without naming it: "i centrum", "centrala delarna av …".
fn names_the_centre(index: &WordIndex) -> bool {
    index.has_word(CENTRE) || CENTRE_PHRASES.iter().any(|p| index.contains(p))
}

/// Area ids of `data/areas.json` in the given kommuner that a text names ("Öxnehaga torg"
/// also names "Öxnehaga"); "centrum" names the kommun's central area.
pub fn areas(text: &str, kommuner: &[String], known: &[Area]) -> Vec<String> {
    let index = WordIndex::new(text);
    let centre = names_the_centre(&index);
    known
        .iter()
        .filter(|area| kommuner.contains(&area.kommun))
        .filter(|area| {
            index.contains(&area.name)
                || (centre
                    && area.kind == AreaKind::Centrum
                    && fold(&area.name).contains(&fold(&area.kommun)))
        })
        .map(|area| area.id.clone())
        .collect()
}

/// Capitalized words after "i", "på" or "vid" that are no known area, kommun or
/// organisation: place names `data/areas.json` may lack ("på Råslätt").
pub fn unknown_places(text: &str, known_names: &[String]) -> Vec<String> {
    let words = words_of(text);
    let mut out: Vec<String> = Vec::new();
    for (i, pair) in words.windows(2).enumerate() {
        let (preposition, place) = (&pair[0], &pair[1]);
        let after_preposition = PLACE_PREPOSITIONS.contains(&preposition.lower.as_str())
            && text[preposition.end..place.start].trim().is_empty();
        let followed_by_kommun = words
            .get(i + 2)
            .is_some_and(|n| KOMMUN_WORDS.contains(&lowercase(n.text).as_str()));
        if !after_preposition || !place.is_capitalized() || followed_by_kommun {
            continue;
        }
        // "Jönköpings" is the kommun's genitive, not a new place.
        let folded = fold(place.text);
        let stem = folded.strip_suffix('s').unwrap_or(&folded);
        let known = known_names
            .iter()
            .flat_map(|n| n.split(' '))
            .any(|w| w == folded || w == stem);
        if !known && !out.iter().any(|o| o == place.text) {
            out.push(place.text.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn topic(id: &str) -> Topic {
        Topic {
            id: id.into(),
            sv: String::new(),
            en: String::new(),
        }
    }

    #[test]
    fn cues_match_word_starts_unless_marked() {
        let known: Vec<Topic> = ["trafik", "grannsamverkan", "samverkan", "barn-unga"]
            .map(topic)
            .into();
        assert_eq!(
            topics("Starta upp Grannsamverkan på Öxnehaga.", &known),
            ["grannsamverkan"]
        );
        assert_eq!(
            topics(
                "Öka trafiksäkerheten för oskyddade trafikanter och unga.",
                &known
            ),
            ["trafik", "barn-unga"]
        );
        assert_eq!(
            topics("Fortsätta sin veckovisa samverkan.", &known),
            ["samverkan"]
        );
    }

    #[test]
    fn areas_by_name_and_by_centre() {
        let area = |id: &str, name: &str, kind| Area {
            id: id.into(),
            name: name.into(),
            kommun: "Jönköping".into(),
            kind,
        };
        let known = [
            area(
                "jonkoping/centrala-jonkoping",
                "Centrala Jönköping",
                AreaKind::Centrum,
            ),
            area("jonkoping/oxnehaga", "Öxnehaga", AreaKind::Stadsdel),
            area("jonkoping/oxnehaga-torg", "Öxnehaga torg", AreaKind::Plats),
        ];
        let jkpg = ["Jönköping".to_string()];
        assert_eq!(
            areas("förändra Öxnehaga torg", &jkpg, &known),
            ["jonkoping/oxnehaga", "jonkoping/oxnehaga-torg"]
        );
        assert_eq!(
            areas("fotpatrullera i centrum", &jkpg, &known),
            ["jonkoping/centrala-jonkoping"]
        );
        assert!(areas("förändra Öxnehaga torg", &["Eslöv".to_string()], &known).is_empty());
    }

    #[test]
    fn unknown_places_are_listed() {
        let known = vec!["oxnehaga".to_string(), "jonkoping".to_string()];
        assert_eq!(
            unknown_places(
                "Patrullera på Öxnehaga, på Råslätt och i Jönköpings kommun.",
                &known
            ),
            ["Råslätt"]
        );
    }
}
