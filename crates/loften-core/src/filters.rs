//! The start page's six filters as values: which query key each is, the values chosen in a
//! query, the query with other values, and where its counts are in `Facets`. The page draws
//! them; what they mean is here, tested natively.

use crate::query::{ActorFilter, Facets, Group, Query, Results, StatusFilter};

/// A filter of the start page, by its query key (kommun, lan, tema, ar, aktor, status: part of
/// every shared search address).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum FilterKey {
    Kommun,
    Lan,
    Tema,
    Ar,
    Aktor,
    Status,
}

impl FilterKey {
    /// Every filter, in the order the page shows them.
    pub const ALL: [FilterKey; 6] = [
        FilterKey::Kommun,
        FilterKey::Lan,
        FilterKey::Tema,
        FilterKey::Ar,
        FilterKey::Aktor,
        FilterKey::Status,
    ];

    /// The chosen values of this filter, as URL values.
    pub fn values(self, q: &Query) -> Vec<String> {
        match self {
            FilterKey::Kommun => q.kommun.clone(),
            FilterKey::Lan => q.lan.clone(),
            FilterKey::Tema => q.tema.clone(),
            FilterKey::Ar => q.ar.iter().map(ToString::to_string).collect(),
            FilterKey::Aktor => q.aktor.iter().map(|a| a.slug().to_string()).collect(),
            FilterKey::Status => q.status.iter().map(|s| s.slug().to_string()).collect(),
        }
    }

    /// The query with this filter set to `values`; values it cannot hold are left out.
    pub fn with(self, q: &Query, values: Vec<String>) -> Query {
        let mut q = q.clone();
        match self {
            FilterKey::Kommun => q.kommun = values,
            FilterKey::Lan => q.lan = values,
            FilterKey::Tema => q.tema = values,
            FilterKey::Ar => q.ar = values.iter().filter_map(|v| v.parse().ok()).collect(),
            FilterKey::Aktor => {
                q.aktor = values
                    .iter()
                    .filter_map(|v| ActorFilter::from_slug(v))
                    .collect()
            }
            FilterKey::Status => {
                q.status = values
                    .iter()
                    .filter_map(|v| StatusFilter::from_slug(v))
                    .collect()
            }
        }
        q
    }

    /// The query without one chosen value of this filter (a chip's "remove").
    pub fn without(self, q: &Query, value: &str) -> Query {
        let remaining = self.values(q).into_iter().filter(|v| v != value).collect();
        self.with(q, remaining)
    }

    /// How many agreements each option would give, in the order of the dataset's kommuner,
    /// län, topics, the index's years, `ActorFilter::ALL` and `StatusFilter::ALL`.
    pub fn counts(self, f: &Facets) -> Vec<usize> {
        match self {
            FilterKey::Kommun => f.kommun.clone(),
            FilterKey::Lan => f.lan.clone(),
            FilterKey::Tema => f.tema.clone(),
            FilterKey::Ar => f.ar.iter().map(|&(_, n)| n).collect(),
            FilterKey::Aktor => f.aktor.to_vec(),
            FilterKey::Status => f.status.to_vec(),
        }
    }

    /// How many values are chosen across every filter: the number in "Filter (2)".
    pub fn chosen_count(q: &Query) -> usize {
        FilterKey::ALL.iter().map(|key| key.values(q).len()).sum()
    }

    /// Every way to widen a search that found nothing: the query without its text (when it
    /// has one) and without each chosen value in turn, each with the value it drops.
    pub fn widenings(q: &Query) -> Vec<(Widening, Query)> {
        let mut ways = Vec::new();
        if !q.q.trim().is_empty() {
            let without_text = Query {
                q: String::new(),
                ..q.clone()
            };
            ways.push((Widening::Text(q.q.trim().to_string()), without_text));
        }
        for key in FilterKey::ALL {
            for value in key.values(q) {
                let wider = key.without(q, &value);
                ways.push((Widening::Value(key, value), wider));
            }
        }
        ways
    }
}

/// What a widened search leaves out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Widening {
    /// The search text.
    Text(String),
    /// One chosen value of a filter.
    Value(FilterKey, String),
}

/// Which of a result's matching records a card shows: promises first (they are what was
/// promised), then activities, `limit` in all; and how many more there are.
pub fn first_records(group: &Group, limit: usize) -> (Vec<usize>, Vec<usize>, usize) {
    let promises: Vec<usize> = group.promises.iter().take(limit).copied().collect();
    let activities: Vec<usize> = group
        .activities
        .iter()
        .take(limit - promises.len())
        .copied()
        .collect();
    let more = group.promises.len() + group.activities.len() - promises.len() - activities.len();
    (promises, activities, more)
}

/// Below this many matching promises and activities a result list is short: every match is
/// shown. Folding matches per agreement helps someone typing through thousands of hits, and
/// hides what they asked for when there are five.
pub const SHORT_LIST: usize = 50;

/// How many agreements the start page draws at first; "Visa fler" draws more. A phone shows
/// about one card per screen, and every card drawn is work on every keystroke that changes the
/// results (BENCHMARKS.md: 6 cards with 2 matches each kept typing over its budget).
pub const FIRST_CARDS: usize = 4;

/// How much of a result list the start page draws.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Fold {
    /// Result cards drawn.
    pub cards: usize,
    /// Matches each card lists; `None`: all of them.
    pub per_card: Option<usize>,
}

impl Fold {
    /// A long list draws `page` cards with `per_card` matches each. A short one (fewer than
    /// `SHORT_LIST` matches) lists every match and draws at least every card that has one, so
    /// nothing that matched waits behind "Visa fler". Cheap enough for every keystroke: a long
    /// list decides by its count alone. A short one draws at most `SHORT_LIST` cards: cards
    /// matched only by their agreement's own words can rank between those with matches, and
    /// a thousand of them must not be drawn on one key.
    pub fn of(results: &Results, page: usize, per_card: usize) -> Fold {
        if results.record_count >= SHORT_LIST {
            return Fold {
                cards: page,
                per_card: Some(per_card),
            };
        }
        let with_matches = results
            .groups
            .iter()
            .rposition(|g| !g.promises.is_empty() || !g.activities.is_empty())
            .map_or(0, |i| i + 1);
        Fold {
            cards: page.max(with_matches.min(SHORT_LIST)),
            per_card: None,
        }
    }

    /// Whether results are left undrawn ("Visa fler").
    pub fn more(self, results: &Results) -> bool {
        results.groups.len() > self.cards
    }

    /// The page size "Visa fler" sets: `step` cards beyond those drawn now.
    pub fn next_page(self, step: usize) -> usize {
        self.cards + step
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query() -> Query {
        Query {
            q: " trafik ".into(),
            kommun: vec!["eslov".into(), "jonkoping".into()],
            ar: vec![2020],
            aktor: vec![ActorFilter::Gemensamt],
            ..Query::default()
        }
    }

    #[test]
    fn values_round_trip_through_with() {
        let q = query();
        for key in FilterKey::ALL {
            assert_eq!(key.with(&q, key.values(&q)), q, "{key:?}");
        }
        assert_eq!(FilterKey::Ar.values(&q), ["2020"]);
        assert_eq!(FilterKey::Aktor.values(&q), ["gemensamt"]);
    }

    #[test]
    fn values_a_filter_cannot_hold_are_left_out() {
        let q = FilterKey::Ar.with(&Query::default(), vec!["2019".into(), "x".into()]);
        assert_eq!(q.ar, [2019]);
        let q = FilterKey::Aktor.with(&Query::default(), vec!["polisen".into(), "x".into()]);
        assert_eq!(q.aktor, [ActorFilter::Polisen]);
    }

    #[test]
    fn without_removes_one_value_and_keeps_the_rest() {
        let q = FilterKey::Kommun.without(&query(), "eslov");
        assert_eq!(q.kommun, ["jonkoping"]);
        assert_eq!(q.ar, [2020]);
        assert_eq!(q.q, " trafik ");
    }

    #[test]
    fn a_search_widens_by_its_text_and_each_value() {
        let ways = FilterKey::widenings(&query());
        let dropped: Vec<Widening> = ways.iter().map(|(w, _)| w.clone()).collect();
        assert_eq!(
            dropped,
            [
                Widening::Text("trafik".into()),
                Widening::Value(FilterKey::Kommun, "eslov".into()),
                Widening::Value(FilterKey::Kommun, "jonkoping".into()),
                Widening::Value(FilterKey::Ar, "2020".into()),
                Widening::Value(FilterKey::Aktor, "gemensamt".into()),
            ]
        );
        assert_eq!(ways[0].1.q, "");
        assert_eq!(ways[3].1.ar, Vec::<i32>::new());
        assert!(FilterKey::widenings(&Query::default()).is_empty());
    }

    #[test]
    fn counts_follow_the_facets() {
        let facets = Facets {
            kommun: vec![1, 2],
            lan: vec![3],
            tema: vec![4, 5, 6],
            ar: vec![(2020, 7), (2019, 8)],
            aktor: [9, 10, 11],
            status: [12, 13, 14, 15, 16, 17, 18],
        };
        assert_eq!(FilterKey::Kommun.counts(&facets), [1, 2]);
        assert_eq!(FilterKey::Ar.counts(&facets), [7, 8]);
        assert_eq!(FilterKey::Aktor.counts(&facets), [9, 10, 11]);
        assert_eq!(
            FilterKey::Status.counts(&facets),
            [12, 13, 14, 15, 16, 17, 18]
        );
    }

    #[test]
    fn a_card_shows_promises_first_up_to_the_limit() {
        let group = Group {
            agreement: 0,
            promises: vec![3, 1],
            activities: vec![5, 6, 7],
        };
        assert_eq!(first_records(&group, 1), (vec![3], vec![], 4));
        assert_eq!(first_records(&group, 3), (vec![3, 1], vec![5], 2));
        assert_eq!(first_records(&group, 9), (vec![3, 1], vec![5, 6, 7], 0));
        let only_activities = Group {
            agreement: 0,
            promises: vec![],
            activities: vec![2],
        };
        assert_eq!(first_records(&only_activities, 1), (vec![], vec![2], 0));
    }

    fn results(matches_per_group: &[usize]) -> Results {
        let groups: Vec<Group> = matches_per_group
            .iter()
            .enumerate()
            .map(|(agreement, &n)| Group {
                agreement,
                promises: vec![],
                activities: (0..n).collect(),
            })
            .collect();
        Results {
            record_count: matches_per_group.iter().sum(),
            groups,
            ..Results::default()
        }
    }

    #[test]
    fn a_short_list_shows_every_match_and_every_card_with_one() {
        let r = results(&[3, 0, 1, 1, 0, 2, 1, 0, 0]);
        let fold = Fold::of(&r, 4, 1);
        assert_eq!(
            fold,
            Fold {
                cards: 7,
                per_card: None
            }
        );
        assert!(fold.more(&r));
        assert_eq!(fold.next_page(4), 11);
        // Fewer cards with matches than a page: the page as usual.
        let few = Fold::of(&results(&[2, 3]), 4, 1);
        assert_eq!(few.cards, 4);
        assert_eq!(few.per_card, None);
        assert!(!few.more(&results(&[2, 3])));
    }

    #[test]
    fn a_list_of_fifty_matches_or_more_folds_per_agreement() {
        let r = results(&[30, 19]);
        assert_eq!(Fold::of(&r, 4, 1).per_card, None);
        let r = results(&[30, 20, 5]);
        assert_eq!(
            Fold::of(&r, 4, 1),
            Fold {
                cards: 4,
                per_card: Some(1)
            }
        );
    }

    #[test]
    fn a_short_list_draws_at_most_fifty_cards() {
        // One match ranked after a thousand agreements that matched by their own words.
        let mut counts = vec![0; 1000];
        counts.push(1);
        let fold = Fold::of(&results(&counts), 4, 1);
        assert_eq!(fold.cards, SHORT_LIST);
        assert_eq!(fold.per_card, None);
    }

    #[test]
    fn no_matches_at_all_is_a_page_of_cards() {
        // The empty query lists agreements without matches: a page of them, "Visa fler" for more.
        let r = results(&[0; 10]);
        let fold = Fold::of(&r, 4, 1);
        assert_eq!(fold.cards, 4);
        assert!(fold.more(&r));
    }

    #[test]
    fn chosen_values_are_counted_across_filters() {
        assert_eq!(FilterKey::chosen_count(&query()), 4);
        assert_eq!(FilterKey::chosen_count(&Query::default()), 0);
    }
}
