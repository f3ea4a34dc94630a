//! A synthetic dataset for benchmarks: real kommun names and topics, texts built from the
//! real promises' and activities' own words so their lengths and vocabulary look real.
//! Never mixed into the real data: it is written to a separate bundle file only.

use loften_core::model::Cadence;
use loften_core::text::slug;
use loften_core::{
    Activity, Actor, Agreement, AgreementKind, Area, AreaKind, Dataset, FollowUp, Frequency,
    Period, Promise, Source,
};

use crate::rng::Rng;

const PLACE_PARTS: [&str; 12] = [
    "Norr", "Söder", "Väster", "Öster", "Björk", "Ek", "Lin", "Ros", "Sjö", "Berg", "Äng", "Ström",
];
const PLACE_ENDS: [&str; 8] = [
    "hagen", "backen", "dal", "ängen", "torp", "vik", "gården", "holm",
];

/// Mix a real text: keep its length, swap about a third of its words for others from the
/// real vocabulary, so search sees realistic Swedish without copying whole sentences.
fn mixed_text(rng: &mut Rng, templates: &[&str], vocabulary: &[&str]) -> String {
    let template = rng.pick(templates);
    template
        .split(' ')
        .map(|w| {
            if rng.below(3) == 0 {
                rng.pick(vocabulary).to_string()
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
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
    let vocabulary: Vec<&str> = activity_texts
        .iter()
        .chain(&promise_texts)
        .flat_map(|t| t.split(' '))
        .filter(|w| w.len() > 3)
        .collect();
    let topics: Vec<String> = real.topics.iter().map(|t| t.id.clone()).collect();
    let mut areas: Vec<Area> = Vec::new();
    let mut out = Vec::with_capacity(agreements);

    for n in 0..agreements {
        let kommun = rng.pick(&real.kommuner).clone();
        let from = 2015 + rng.below(11) as i32;
        let to = from + rng.below(3) as i32;
        let id = format!("{}-{from}-s{n}", kommun.slug);
        let kommun_areas: Vec<String> = (0..1 + rng.below(3))
            .map(|_| {
                let name = format!("{}{}", rng.pick(&PLACE_PARTS), rng.pick(&PLACE_ENDS));
                let area_id = format!("{}/{}", kommun.slug, slug(&name));
                if !areas.iter().any(|a| a.id == area_id) {
                    areas.push(Area {
                        id: area_id.clone(),
                        name,
                        kommun: kommun.short_name.clone(),
                        kind: AreaKind::Stadsdel,
                    });
                }
                area_id
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
                text: mixed_text(&mut rng, &promise_texts, &vocabulary),
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
                let text = mixed_text(&mut rng, &activity_texts, &vocabulary);
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
            summary: Some(mixed_text(&mut rng, &promise_texts, &vocabulary)),
            situation: None,
            priorities: vec![],
            promises,
            activities,
            effect: None,
            follow_up: Some(FollowUp {
                cadence: Some(Cadence::Tertial),
                text: None,
                reports: vec![],
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
