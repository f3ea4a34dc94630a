//! The query engine on the real data: Swedish-aware search, filters, ranking and facets.

mod common;

use loften_core::query::{highlight, highlight_ranges, ActorFilter, Ignored, StatusFilter};
use loften_core::{ActivityStatus, Dataset, Index, Progress, Query, Report, Results};

fn run(data: &Dataset, url_query: &str) -> Results {
    let (query, ignored) = Query::from_pairs(loften_core::url::parse_query(url_query), data);
    assert!(ignored.is_empty(), "{ignored:?}");
    Index::new(data).search(&query)
}

fn ids(data: &Dataset, results: &Results) -> Vec<String> {
    results
        .groups
        .iter()
        .map(|g| data.agreements[g.agreement].id.clone())
        .collect()
}

/// The texts of every listed promise and activity.
fn texts<'a>(data: &'a Dataset, results: &Results) -> Vec<&'a str> {
    results
        .groups
        .iter()
        .flat_map(|g| {
            let a = &data.agreements[g.agreement];
            g.promises
                .iter()
                .map(|&i| a.promises[i].text.as_str())
                .chain(g.activities.iter().map(|&i| a.activities[i].text.as_str()))
        })
        .collect()
}

#[test]
fn empty_query_lists_every_agreement_newest_first() {
    let data = common::real_data();
    let results = run(&data, "");
    assert_eq!(
        ids(&data, &results),
        [
            "jokkmokk-2020-2022",
            "jonkoping-2020",
            "jonkoping-2018-2019",
            "eslov-2017",
            "jamtlands-lan-2017",
            "eslov-2016",
            "jonkoping-2016"
        ]
    );
    assert_eq!(results.record_count, 0);
}

#[test]
fn case_and_diacritics_do_not_matter() {
    let data = common::real_data();
    for q in ["Öxnehaga", "öxnehaga", "oxnehaga", "OXNEHAGA"] {
        let results = run(&data, &format!("q={}", loften_core::url::encode(q)));
        assert_eq!(ids(&data, &results), ["jonkoping-2020"], "{q}");
        assert!(
            texts(&data, &results)
                .iter()
                .all(|t| t.contains("Öxnehaga")),
            "{q}"
        );
        assert!(results.record_count >= 5, "{q}: {}", results.record_count);
    }
}

#[test]
fn exact_letters_rank_before_folded_ones() {
    // A twin of jonkoping-2020 that spells the place without its Ö: each spelling ranks
    // the agreement that has its exact letters first.
    let mut data = common::real_data();
    let mut twin = data.agreement("jonkoping-2020").unwrap().clone();
    twin.id = "test-twin".into();
    for p in &mut twin.promises {
        p.text = p.text.replace('Ö', "O");
    }
    for a in &mut twin.activities {
        a.text = a.text.replace('Ö', "O");
    }
    data.agreements.push(twin);
    let results = run(&data, "q=%C3%96xnehaga");
    assert_eq!(
        results.groups[0].agreement,
        data.agreements
            .iter()
            .position(|a| a.id == "jonkoping-2020")
            .unwrap()
    );
    let results = run(&data, "q=Oxnehaga");
    assert_eq!(data.agreements[results.groups[0].agreement].id, "test-twin");
}

#[test]
fn word_beginnings_and_compound_insides_match() {
    let data = common::real_data();
    let results = run(&data, "q=trygghetsvandr");
    assert_eq!(
        ids(&data, &results),
        ["jokkmokk-2020-2022", "eslov-2017", "eslov-2016"]
    );
    // "vandring" inside "trygghetsvandringar"; short terms only at word starts.
    assert_eq!(ids(&data, &run(&data, "q=vandring")), ids(&data, &results));
    let short = run(&data, "q=ska");
    assert!(texts(&data, &short).iter().all(|t| t
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w.starts_with("ska"))));
}

#[test]
fn every_term_must_match_and_agreement_words_carry_over_to_records() {
    let data = common::real_data();
    // "Jönköping" is said by the agreements; "hundsök" by one activity.
    let results = run(&data, "q=j%C3%B6nk%C3%B6ping+hunds%C3%B6k");
    assert_eq!(ids(&data, &results), ["jonkoping-2018-2019"]);
    assert_eq!(texts(&data, &results).len(), 1);
    assert!(run(&data, "q=hunds%C3%B6k+eslöv").groups.is_empty());
}

#[test]
fn kommun_lan_year_and_actor_filters_combine() {
    let data = common::real_data();
    assert_eq!(
        ids(&data, &run(&data, "kommun=eslov")),
        ["eslov-2017", "eslov-2016"]
    );
    assert_eq!(ids(&data, &run(&data, "lan=23")), ["jamtlands-lan-2017"]);
    assert_eq!(
        ids(&data, &run(&data, "kommun=are")),
        ["jamtlands-lan-2017"]
    );
    assert_eq!(ids(&data, &run(&data, "ar=2021")), ["jokkmokk-2020-2022"]);
    assert_eq!(
        ids(&data, &run(&data, "ar=2020")),
        ["jokkmokk-2020-2022", "jonkoping-2020"]
    );
    assert_eq!(
        ids(&data, &run(&data, "kommun=eslov&kommun=jokkmokk")),
        ["jokkmokk-2020-2022", "eslov-2017", "eslov-2016"]
    );
    let police = run(&data, "kommun=jonkoping&ar=2020&aktor=polisen");
    assert_eq!(ids(&data, &police), ["jonkoping-2020"]);
    let g = &police.groups[0];
    assert!(g.promises.is_empty(), "promises have no actors");
    let a = &data.agreements[g.agreement];
    assert!(g.activities.iter().all(|&i| a.activities[i]
        .actors
        .contains(&loften_core::Actor::Polisen)));
    let joint = run(&data, "aktor=gemensamt&kommun=jokkmokk");
    let a = &data.agreements[joint.groups[0].agreement];
    assert!(joint.groups[0]
        .activities
        .iter()
        .all(|&i| a.activities[i].is_joint()));
    assert!(joint.groups[0].activities.len() < a.activities.len());
}

#[test]
fn topic_filter_lists_the_records_with_that_topic() {
    let data = common::real_data();
    let results = run(&data, "tema=trafik");
    assert!(!results.groups.is_empty());
    for g in &results.groups {
        let a = &data.agreements[g.agreement];
        assert!(g
            .promises
            .iter()
            .all(|&i| a.promises[i].topics.iter().any(|t| t == "trafik")));
        assert!(g
            .activities
            .iter()
            .all(|&i| a.activities[i].topics.iter().any(|t| t == "trafik")));
    }
    // An announcement has no records, so no topic can find it.
    assert!(!ids(&data, &results).contains(&"jamtlands-lan-2017".to_string()));
}

/// The real data with follow-up statuses made up for the test (the real sources give none):
/// of Jönköping 2018–2019's activities, a1 and a2 done, a3 ongoing by the later report (done
/// by the earlier), a4 not done; the rest no report speaks of.
fn data_with_statuses() -> Dataset {
    let mut data = common::real_data();
    let agreement = data
        .agreements
        .iter_mut()
        .find(|a| a.id == "jonkoping-2018-2019")
        .expect("the real data has Jönköping 2018–2019");
    let report = |id: &str, published: &str, statuses: &[(usize, Progress)]| Report {
        id: Some(id.into()),
        title: format!("Uppföljning {id}"),
        published: Some(published.parse().unwrap()),
        statuses: statuses
            .iter()
            .map(|&(n, status)| ActivityStatus {
                activity: format!("jonkoping-2018-2019-a{n}"),
                status,
                text: None,
                count: None,
            })
            .collect(),
        ..Report::default()
    };
    agreement.follow_up.as_mut().unwrap().reports = vec![
        report(
            "later",
            "2019-02-01",
            &[
                (1, Progress::Done),
                (3, Progress::Ongoing),
                (4, Progress::NotDone),
            ],
        ),
        report(
            "earlier",
            "2018-10-01",
            &[(2, Progress::Done), (3, Progress::Done)],
        ),
    ];
    data
}

#[test]
fn the_status_filter_lists_activities_by_their_latest_report() {
    let data = data_with_statuses();
    let activity_ids = |url: &str| -> Vec<String> {
        let results = run(&data, url);
        results
            .groups
            .iter()
            .flat_map(|g| {
                let a = &data.agreements[g.agreement];
                assert!(g.promises.is_empty(), "{url}: promises have no status");
                g.activities.iter().map(|&i| a.activities[i].id.clone())
            })
            .collect()
    };
    let sorted = |mut ids: Vec<String>| {
        ids.sort();
        ids
    };
    assert_eq!(
        sorted(activity_ids("status=done")),
        ["jonkoping-2018-2019-a1", "jonkoping-2018-2019-a2"]
    );
    assert_eq!(activity_ids("status=ongoing"), ["jonkoping-2018-2019-a3"]);
    assert_eq!(
        sorted(activity_ids("status=done&status=not-done")),
        [
            "jonkoping-2018-2019-a1",
            "jonkoping-2018-2019-a2",
            "jonkoping-2018-2019-a4"
        ]
    );
    assert!(activity_ids("status=unassessable").is_empty());
    // "ingen": every activity no report speaks of, in every agreement.
    let not_followed = activity_ids("status=ingen");
    let every_activity: usize = data.agreements.iter().map(|a| a.activities.len()).sum();
    assert_eq!(not_followed.len(), every_activity - 4);
    assert!(!not_followed.contains(&"jonkoping-2018-2019-a1".to_string()));
    assert!(not_followed.contains(&"jonkoping-2018-2019-a5".to_string()));
    // With the text, both must hold.
    let results = run(&data, "status=ingen&kommun=jonkoping&ar=2018");
    assert_eq!(ids(&data, &results), ["jonkoping-2018-2019"]);

    let (query, ignored) = Query::from_pairs(
        loften_core::url::parse_query("status=klar&status=done"),
        &data,
    );
    assert_eq!(query.status, [StatusFilter::Reported(Progress::Done)]);
    assert_eq!(ignored[0].key, "status");
    assert_eq!(query.to_query_string(), "?status=done");
}

#[test]
fn facet_counts_are_what_choosing_the_option_would_give() {
    let data = data_with_statuses();
    let index = Index::new(&data);
    for base in [
        "",
        "q=polisen",
        "tema=trafik",
        "kommun=jonkoping",
        "aktor=kommunen&ar=2020",
        "q=trygg&lan=06",
        "status=done",
        "status=ingen&kommun=jonkoping",
    ] {
        let (query, _) = Query::from_pairs(loften_core::url::parse_query(base), &data);
        let results = index.search(&query);
        let check = |count: usize, changed: Query, label: &str| {
            assert_eq!(
                count,
                index.search(&changed).groups.len(),
                "{base}: {label}"
            );
        };
        for (i, k) in data.kommuner.iter().enumerate() {
            check(
                results.facets.kommun[i],
                Query {
                    kommun: vec![k.slug.clone()],
                    ..query.clone()
                },
                &k.slug,
            );
        }
        for (i, l) in data.lan.iter().enumerate() {
            check(
                results.facets.lan[i],
                Query {
                    lan: vec![l.code.clone()],
                    ..query.clone()
                },
                &l.code,
            );
        }
        for (i, t) in data.topics.iter().enumerate() {
            check(
                results.facets.tema[i],
                Query {
                    tema: vec![t.id.clone()],
                    ..query.clone()
                },
                &t.id,
            );
        }
        for &(year, count) in &results.facets.ar {
            check(
                count,
                Query {
                    ar: vec![year],
                    ..query.clone()
                },
                &year.to_string(),
            );
        }
        for (i, actor) in ActorFilter::ALL.into_iter().enumerate() {
            check(
                results.facets.aktor[i],
                Query {
                    aktor: vec![actor],
                    ..query.clone()
                },
                actor.slug(),
            );
        }
        for (i, status) in StatusFilter::ALL.into_iter().enumerate() {
            check(
                results.facets.status[i],
                Query {
                    status: vec![status],
                    ..query.clone()
                },
                status.slug(),
            );
        }
    }
}

/// Typing asks for results without counts, and for the counts once it pauses: together they
/// are exactly one full search.
#[test]
fn results_and_counts_apart_are_the_full_search() {
    let data = common::real_data();
    let index = Index::new(&data);
    for base in [
        "",
        "q=polisen",
        "q=t",
        "tema=trafik",
        "kommun=jonkoping",
        "aktor=kommunen&ar=2020",
        "q=trygg&lan=06",
        "q=zzzz",
    ] {
        let (query, _) = Query::from_pairs(loften_core::url::parse_query(base), &data);
        let full = index.search(&query);
        let quick = index.search_without_facets(&query);
        assert_eq!(
            (&quick.groups, quick.record_count),
            (&full.groups, full.record_count),
            "{base}"
        );
        assert_eq!(quick.facets, Default::default(), "{base}: no counts");
        assert_eq!(index.facets_of(&query), full.facets, "{base}");
    }
}

#[test]
fn unknown_values_are_reported_and_dropped() {
    let data = common::real_data();
    let pairs = loften_core::url::parse_query(
        "kommun=atlantis&tema=trafik&ar=tjugo&aktor=brandkaren&lan=99&utm_source=x",
    );
    let (query, ignored) = Query::from_pairs(pairs, &data);
    assert_eq!(query.tema, ["trafik"]);
    assert!(
        query.kommun.is_empty()
            && query.ar.is_empty()
            && query.aktor.is_empty()
            && query.lan.is_empty()
    );
    let keys: Vec<&str> = ignored
        .iter()
        .map(|Ignored { key, .. }| key.as_str())
        .collect();
    assert_eq!(keys, ["kommun", "ar", "aktor", "lan"]);
}

#[test]
fn query_round_trips_through_its_url() {
    let data = common::real_data();
    let url =
        "?q=%C3%B6xnehaga+torg&kommun=jonkoping&tema=narkotika&tema=trafik&ar=2020&aktor=gemensamt";
    let (query, _) = Query::from_pairs(loften_core::url::parse_query(url), &data);
    assert_eq!(query.to_query_string(), url);
    assert_eq!(Query::default().to_query_string(), "");
}

#[test]
fn no_results_for_nonsense() {
    let data = common::real_data();
    let results = run(&data, "q=xyzzyplugh");
    assert!(results.groups.is_empty());
    assert_eq!(results.facets.kommun.iter().sum::<usize>(), 0);
}

#[test]
fn highlight_marks_folded_matches_in_the_original_letters() {
    let segments = highlight(
        "Arbeta aktivt mot drogförsäljning på Öxnehaga",
        "oxnehaga drog",
    );
    let marked: Vec<&str> = segments
        .iter()
        .filter(|s| s.matched)
        .map(|s| s.text)
        .collect();
    assert_eq!(marked, ["drog", "Öxnehaga"]);
    let joined: String = segments.iter().map(|s| s.text).collect();
    assert_eq!(joined, "Arbeta aktivt mot drogförsäljning på Öxnehaga");
    // Short terms only at word starts; longer ones inside compounds too.
    let marked: Vec<String> = highlight("trygghetsvandringar och vandringar", "van")
        .into_iter()
        .filter(|s| s.matched)
        .map(|s| s.text.to_string())
        .collect();
    assert_eq!(marked, ["van"]);
    assert!(highlight("", "x").is_empty());
    assert_eq!(highlight("abc", "").len(), 1);
}

#[test]
fn kommun_history_says_what_changed() {
    let data = common::real_data();
    let history = loften_core::views::kommun_history(&data, "Jönköping");
    let ids: Vec<&str> = history.iter().map(|c| c.agreement.id.as_str()).collect();
    assert_eq!(
        ids,
        ["jonkoping-2020", "jonkoping-2018-2019", "jonkoping-2016"]
    );
    assert!(!history[2].has_previous);
    let newest = &history[0];
    assert!(newest.has_previous);
    let before = data.agreement("jonkoping-2018-2019").unwrap().topic_ids();
    let now = data.agreement("jonkoping-2020").unwrap().topic_ids();
    for t in &newest.added {
        assert!(now.contains(t) && !before.contains(t));
    }
    for t in &newest.dropped {
        assert!(before.contains(t) && !now.contains(t));
    }
    assert_eq!(
        newest.added.len() + newest.dropped.len(),
        now.symmetric_difference(&before).count()
    );
}

#[test]
fn area_mentions_find_promises_and_activities_naming_a_place() {
    let data = common::real_data();
    let mentions = loften_core::views::area_mentions(&data, "jonkoping/oxnehaga");
    assert_eq!(mentions.len(), 1);
    assert_eq!(mentions[0].agreement.id, "jonkoping-2020");
    assert!(mentions[0]
        .promises
        .iter()
        .any(|p| p.text.contains("Öxnehaga")));
    assert!(mentions[0].activities.len() >= 3);
    assert!(loften_core::views::area_mentions(&data, "nowhere/none").is_empty());
    // The one-pass counts agree with the mentions, area by area.
    let counts = loften_core::views::area_mention_counts(&data);
    for area in &data.areas {
        let listed: usize = loften_core::views::area_mentions(&data, &area.id)
            .iter()
            .map(|m| m.promises.len() + m.activities.len())
            .sum();
        assert_eq!(
            counts.get(area.id.as_str()).copied().unwrap_or(0),
            listed,
            "{}",
            area.id
        );
    }
}

#[test]
fn finding_a_kommun_by_part_of_its_name() {
    use loften_core::views::kommun_matches;
    assert!(kommun_matches("Jönköping", "jonk"));
    assert!(kommun_matches("Upplands Väsby", "VÄSBY"));
    assert!(kommun_matches("Eslöv", " "));
    assert!(!kommun_matches("Eslöv", "malmö"));
}

#[test]
fn kommuner_by_lan_covers_all_290_in_swedish_order() {
    let data = common::real_data();
    let groups = loften_core::views::kommuner_by_lan(&data);
    assert_eq!(groups.len(), 21);
    assert_eq!(groups.iter().map(|(_, k)| k.len()).sum::<usize>(), 290);
    let names: Vec<&str> = groups.iter().map(|(l, _)| l.name.as_str()).collect();
    assert_eq!(names.first(), Some(&"Blekinge län"));
    assert_eq!(names.last(), Some(&"Östergötlands län"));
    let jamtland = groups.iter().find(|(l, _)| l.code == "23").unwrap();
    assert!(jamtland.1.iter().all(|(_, count)| *count == 1));
    let jonkoping = groups.iter().find(|(l, _)| l.code == "06").unwrap();
    assert_eq!(
        jonkoping
            .1
            .iter()
            .find(|(k, _)| k.short_name == "Jönköping")
            .unwrap()
            .1,
        3
    );
}

#[test]
fn csv_export_quotes_and_lists_every_listed_record() {
    let data = common::real_data();
    let results = run(&data, "kommun=eslov");
    let csv = loften_core::views::export_csv(&data, &results);
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    let expected: usize = ["eslov-2016", "eslov-2017"]
        .iter()
        .map(|id| {
            let a = data.agreement(id).unwrap();
            a.promises.len() + a.activities.len()
        })
        .sum();
    assert_eq!(lines.len(), 1 + expected);
    assert!(lines[0].starts_with("agreement,title,kommuner"));
    assert!(csv.contains(",\"Lokalpolisområde Eslöv och kommunen lovar att tillsammans arbeta för att öka trafiksäkerheten och under året kommer 4 riktade trafikinsatser, utifrån"), "texts with commas are quoted");
    let json: serde_json::Value =
        serde_json::from_str(&loften_core::views::export_json(&data, &results)).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 2);
}

#[test]
fn saved_groups_follow_newest_first_and_keep_missing_ids() {
    use loften_core::storage::UserState;
    let data = common::real_data();
    let mut state = UserState::default();
    state.toggle("eslov-2016-l1", "2026-01-01T00:00:00Z", None);
    state.toggle("jonkoping-2020-a3", "2026-01-02T00:00:00Z", None);
    state.toggle(
        "gone-2012-l1",
        "2026-01-03T00:00:00Z",
        Some("Ett löfte som inte finns kvar".into()),
    );
    state.toggle("eslov-2016", "2026-01-04T00:00:00Z", None);
    let groups = loften_core::views::saved_groups(&data, &state);
    let ids: Vec<Option<&str>> = groups
        .iter()
        .map(|g| g.agreement.map(|a| a.id.as_str()))
        .collect();
    assert_eq!(ids, [Some("eslov-2016"), Some("jonkoping-2020"), None]);
    assert_eq!(
        groups[0]
            .items
            .iter()
            .map(|i| i.bookmark.id.as_str())
            .collect::<Vec<_>>(),
        ["eslov-2016", "eslov-2016-l1"]
    );
    assert!(groups[2].items[0].located.is_none());
    assert_eq!(
        groups[2].items[0].bookmark.label.as_deref(),
        Some("Ett löfte som inte finns kvar")
    );
    let located = data.locate("jonkoping-2020-a3").unwrap();
    assert!(loften_core::views::bookmark_label(located)
        .starts_with("Kommunen och Polisen ska genomföra gemensamma krogtillsyner"));
    assert!(data.locate("jonkoping-2020-a99").is_none());
}

#[test]
fn highlight_ranges_count_utf16_units_as_the_dom_does() {
    // "å" is one UTF-16 unit, like "a"; an emoji outside the BMP is two.
    assert_eq!(
        highlight_ranges("Trygghet på Öxnehaga", "oxne"),
        vec![(12, 16)]
    );
    assert_eq!(
        highlight_ranges("🙂 drog och droger", "drog"),
        vec![(3, 7), (12, 16)]
    );
    assert_eq!(highlight_ranges("a < b", ""), vec![]);
    assert_eq!(highlight_ranges("", "x"), vec![]);
}

#[test]
fn what_the_real_data_covers() {
    let coverage = loften_core::views::coverage(&common::real_data());
    assert_eq!(
        coverage,
        loften_core::views::Coverage {
            agreements: 7,
            sources: 5,
            // Jämtlands län's eight (one announcement), Jönköping, Eslöv and Jokkmokk.
            kommuner: 11,
            first_year: 2016,
            last_year: 2022,
        }
    );
}

#[test]
fn kommuner_with_agreements_come_first_in_swedish_order() {
    let data = common::real_data();
    let (with, without) = Index::new(&data).kommun_groups();
    let names = |list: &[usize]| -> Vec<String> {
        list.iter()
            .map(|&i| data.kommuner[i].short_name.clone())
            .collect()
    };
    assert_eq!(
        names(&with),
        [
            "Berg",
            "Bräcke",
            "Eslöv",
            "Härjedalen",
            "Jokkmokk",
            "Jönköping",
            "Krokom",
            "Ragunda",
            "Strömsund",
            "Åre",
            "Östersund"
        ]
    );
    assert_eq!(with.len() + without.len(), 290);
    let rest = names(&without);
    assert_eq!(rest.first().map(String::as_str), Some("Ale"));
    // Swedish order within the rest: z < å < ä < ö.
    let at = |name: &str| rest.iter().position(|k| k == name).unwrap();
    assert!(at("Åstorp") < at("Älmhult") && at("Älmhult") < at("Öckerö"));
}

#[test]
fn a_short_filtered_list_shows_all_its_matches() {
    use loften_core::filters::{first_records, Fold, SHORT_LIST};
    let data = common::real_data();
    let results = run(&data, "kommun=jonkoping&tema=narkotika");
    assert!(results.record_count < SHORT_LIST);
    let fold = Fold::of(&results, 4, 1);
    assert_eq!(fold.per_card, None);
    let shown: usize = results
        .groups
        .iter()
        .take(fold.cards)
        .map(|g| {
            let (p, a, more) = first_records(g, fold.per_card.unwrap_or(usize::MAX));
            assert_eq!(more, 0);
            p.len() + a.len()
        })
        .sum();
    assert_eq!(shown, results.record_count);
}
