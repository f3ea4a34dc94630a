//! The search index published in parts: a search loads the parts of the words typed, and
//! answers as the whole index does.

mod common;

use chrono::NaiveDate;
use loften_core::published::{
    assemble_part, publish, read_manifest, read_part, read_records, read_tables, Chunks, Need,
    Published, PublishedError, SearchIn, MANIFEST_PATH,
};
use loften_core::query::{RecordTable, SearchTables, StatusFilter, Words};
use loften_core::search_parts::letters_of;
use loften_core::{ActorFilter, Dataset, Index, Query};

fn published(data: &Dataset, search: Option<SearchIn>) -> Published {
    publish(
        data,
        NaiveDate::from_ymd_opt(2026, 12, 5).unwrap(),
        common::hash,
        search,
    )
}

fn files(out: &Published, paths: &[&str]) -> Chunks {
    paths
        .iter()
        .map(|path| (path.to_string(), out.files[*path].clone()))
        .collect()
}

/// What the start page holds before anything is typed: the reference and the tables; and the
/// records' table, which a search with words or a record filter loads.
struct Searcher {
    data: Dataset,
    tables: SearchTables,
    records: RecordTable,
}

impl Searcher {
    fn of(out: &Published) -> Searcher {
        let manifest = &out.manifest;
        let paths = manifest.paths_for(&Need::Search).unwrap();
        let given = files(out, &paths);
        let (data, coverage) = assemble_part(manifest, &given).unwrap();
        assert_eq!(coverage.agreement_ids().len(), manifest_agreements(out));
        let tables = read_tables(&coverage, &data, &given)
            .unwrap()
            .expect("the tables were given");
        let records = &manifest.search.as_ref().unwrap().records;
        let records = read_records(records, &out.files[records], &tables).unwrap();
        Searcher {
            data,
            tables,
            records,
        }
    }

    /// The words of the parts `query` names, and how many parts that was.
    fn words_for(&self, out: &Published, query: &Query) -> (Words, usize) {
        let search = out.manifest.search.as_ref().unwrap();
        let paths = search.keys().paths_for(&query.terms());
        (self.words_of(out, &paths), paths.len())
    }

    /// The words of these parts, read in this order.
    fn words_of(&self, out: &Published, paths: &[String]) -> Words {
        let mut words = Words::new();
        for path in paths {
            read_part(path, &out.files[path])
                .unwrap()
                .merge_into(&mut words);
        }
        words
    }

    /// The index of `words`, with the records or without them.
    fn index_of(&self, words: Words, with_records: bool) -> Index {
        let records = with_records.then_some(&self.records);
        Index::assemble(&self.data, &self.tables, records, words)
    }
}

fn manifest_agreements(out: &Published) -> usize {
    let all = out.manifest.paths_for(&Need::All).unwrap();
    assemble_part(&out.manifest, &files(out, &all))
        .unwrap()
        .0
        .agreements
        .len()
}

/// Every word of the data, each beginning of it, and each inside of four letters or more.
fn terms_of(data: &Dataset) -> Vec<String> {
    let (_, _, words) = SearchTables::of(data);
    let mut terms: Vec<String> = Vec::new();
    for word in words.keys() {
        let chars: Vec<char> = word.chars().collect();
        for end in 1..=chars.len() {
            terms.push(chars[..end].iter().collect());
        }
        for start in 1..chars.len().saturating_sub(3) {
            terms.push(chars[start..].iter().collect());
            terms.push(chars[start..start + 4].iter().collect());
        }
    }
    terms.sort();
    terms.dedup();
    terms
}

#[test]
fn an_index_of_the_parts_a_query_names_answers_it_as_the_whole_index() {
    let data = common::real_data();
    let out = published(&data, Some(SearchIn::Parts));
    let whole = Index::new(&data);
    let searcher = Searcher::of(&out);
    let terms = terms_of(&data);
    assert!(terms.len() > 1000, "{} terms", terms.len());
    let filtered = |q: &str| Query {
        q: q.to_string(),
        kommun: vec!["jonkoping".into()],
        aktor: vec![ActorFilter::Polisen],
        status: vec![StatusFilter::NotFollowedUp],
        ..Query::default()
    };
    let mut queries: Vec<Query> = terms
        .iter()
        .map(|t| Query {
            q: t.clone(),
            ..Query::default()
        })
        .collect();
    // Folded and in capitals, two terms, and with filters.
    queries.extend(
        [
            "OXNEHAGA",
            "trygghet öxnehaga",
            "polisen narkotika",
            "vandring ungdomar",
        ]
        .iter()
        .map(|q| Query {
            q: q.to_string(),
            ..Query::default()
        }),
    );
    queries.extend(terms.iter().step_by(37).map(|t| filtered(t)));
    queries.push(Query::default());
    let mut most_parts = 0;
    for query in &queries {
        // Its results and counts with the records; without them, the results of a query that
        // filters by no record's topic, actor or status, and not the counts of one with words.
        let (words, parts) = searcher.words_for(&out, query);
        let index = searcher.index_of(words.clone(), true);
        assert_eq!(index.search(query), whole.search(query), "{query:?}");
        let without_records = searcher.index_of(words, false);
        let by_records = query.status.len() + query.aktor.len() + query.tema.len() > 0;
        assert_eq!(
            without_records.lists_by_records(query),
            by_records,
            "{query:?}"
        );
        assert_eq!(
            without_records.answers(query),
            query.terms().is_empty() && !by_records,
            "{query:?}"
        );
        if !by_records {
            assert_eq!(
                without_records.search_without_facets(query),
                whole.search_without_facets(query),
                "{query:?}"
            );
        }
        match query.q.chars().count() {
            // Its letter's part alone.
            1 => assert_eq!(parts, 1, "{query:?}"),
            _ if !query.q.contains(' ') => most_parts = most_parts.max(parts),
            _ => {}
        }
    }
    // One part for a word's beginning, one for its inside.
    assert_eq!(most_parts, 2);
}

#[test]
fn a_letters_part_and_the_parts_of_its_words_answer_together_in_either_order() {
    let data = common::real_data();
    let out = published(&data, Some(SearchIn::Parts));
    let whole = Index::new(&data);
    let searcher = Searcher::of(&out);
    let keys = out.manifest.search.as_ref().unwrap().keys();
    // Letters that fold (å, ä, ö to a and o) and one that does not; a word of one letter ("i").
    for letter in ["a", "å", "ä", "o", "ö", "t", "i"] {
        let terms = vec![letter.to_string()];
        let (own, ahead) = (keys.paths_for(&terms), keys.paths_ahead(&terms));
        assert_eq!(own.len(), 1, "{letter}: {own:?}");
        assert!(own[0].contains("/l/"), "{letter}: {own:?}");
        // Ahead: every part of words beginning with the letter, folded, and nothing else.
        assert!(ahead.len() > 1, "{letter}: {ahead:?}");
        assert!(ahead.iter().all(|path| path.contains("/p/")), "{ahead:?}");
        let mut both_orders = [own.clone(), ahead.clone()].concat();
        let query = Query {
            q: letter.to_string(),
            ..Query::default()
        };
        for _ in 0..2 {
            let index = searcher.index_of(searcher.words_of(&out, &both_orders), true);
            assert_eq!(index.search(&query), whole.search(&query), "{letter}");
            // The next key, answered by the parts loaded ahead.
            for next in ["r", "n", "k"] {
                let longer = Query {
                    q: format!("{letter}{next}"),
                    ..Query::default()
                };
                assert!(
                    keys.paths_for(&longer.terms())
                        .iter()
                        .all(|path| both_orders.contains(path)),
                    "{longer:?}"
                );
                assert_eq!(index.search(&longer), whole.search(&longer), "{longer:?}");
            }
            both_orders.reverse();
        }
    }
    // A version published before the letters had parts of their own: every part of the letter.
    let text = std::str::from_utf8(&out.files[MANIFEST_PATH]).unwrap();
    let mut older: serde_json::Value = serde_json::from_str(text).unwrap();
    older["search"].as_object_mut().unwrap().remove("letters");
    let older = read_manifest(&older.to_string()).unwrap();
    let paths = older.search.unwrap().keys().paths_for(&["t".to_string()]);
    assert!(
        paths.len() > 1 && paths.iter().all(|path| path.contains("/p/")),
        "{paths:?}"
    );
}

#[test]
fn with_the_tables_alone_the_index_lists_and_counts_as_the_start_page_opens() {
    let data = common::real_data();
    let out = published(&data, Some(SearchIn::Parts));
    let searcher = Searcher::of(&out);
    let index = Index::assemble(&searcher.data, &searcher.tables, None, Words::new());
    let whole = Index::new(&data);
    // Without words or a record filter: the same list and the same counts of every filter's
    // options, which the page rendered ahead of time shows.
    let kommun = data
        .kommuner
        .iter()
        .find(|k| k.slug == "jonkoping")
        .unwrap();
    for query in [
        Query::default(),
        Query {
            kommun: vec![kommun.slug.clone()],
            ..Query::default()
        },
        Query {
            lan: vec![kommun.lan_code.clone()],
            ar: vec![whole.years()[0]],
            ..Query::default()
        },
    ] {
        assert!(index.answers(&query), "{query:?}");
        assert_eq!(index.search(&query), whole.search(&query), "{query:?}");
    }
    assert_eq!(index.years(), whole.years());
    assert_eq!(index.kommun_groups(), whole.kommun_groups());
    // Words or a record filter read the records: not answered until they come.
    let by_topic = Query {
        tema: vec![data.topics[0].id.clone()],
        ..Query::default()
    };
    let by_actor = Query {
        aktor: vec![ActorFilter::Kommunen],
        ..Query::default()
    };
    let by_word = Query {
        q: "trygghet".into(),
        ..Query::default()
    };
    for query in [&by_topic, &by_actor, &by_word] {
        assert!(!index.answers(query), "{query:?}");
    }
    // Words alone are listed without the records (their counts wait for them); a filter by
    // topic or actor is not.
    assert!(!index.lists_by_records(&by_word));
    assert!(index.lists_by_records(&by_topic) && index.lists_by_records(&by_actor));
    let with_records = Index::assemble(
        &searcher.data,
        &searcher.tables,
        Some(&searcher.records),
        Words::new(),
    );
    assert!(with_records.answers(&by_topic));
    assert_eq!(with_records.search(&by_topic), whole.search(&by_topic));
    // The start page loads the reference and the tables, not one agreement's chunk.
    assert!(searcher.data.agreements.is_empty());
}

#[test]
fn records_of_other_agreements_do_not_read() {
    let data = common::real_data();
    let out = published(&data, Some(SearchIn::Parts));
    let mut fewer = data.clone();
    fewer.agreements[0].activities.pop();
    let other = published(&fewer, Some(SearchIn::Parts));
    let searcher = Searcher::of(&out);
    let records = out.manifest.search.as_ref().unwrap().records.clone();
    let other_records = &other.manifest.search.as_ref().unwrap().records;
    assert_eq!(
        read_records(&records, &other.files[other_records], &searcher.tables),
        Err(PublishedError::Unfitting(records.clone()))
    );
}

#[test]
fn small_data_is_searched_whole_and_large_data_in_parts() {
    let data = common::real_data();
    let small = published(&data, None);
    assert_eq!(small.manifest.search, None);
    // Whole: search needs every chunk, as before.
    assert_eq!(
        small.manifest.paths_for(&Need::Search),
        small.manifest.paths_for(&Need::All)
    );
    assert!(!small.files.keys().any(|p| p.starts_with("data/search/")));

    let parts = published(&data, Some(SearchIn::Parts));
    let search = parts.manifest.search.clone().unwrap();
    let reference = parts.manifest.reference().unwrap().path.as_str();
    // The start page: the reference and the tables, not the records.
    assert_eq!(
        parts.manifest.paths_for(&Need::Search),
        Some(vec![reference, search.tables.as_str()])
    );
    let in_folder = |path: &str| path.starts_with(&format!("{}/", search.dir));
    assert!(in_folder(&search.records) && parts.files.contains_key(&search.records));
    assert_eq!(
        search.records_bytes,
        parts.files[&search.records].len() as u64
    );
    // Every part the manifest names is published, in the search's folder: the word beginnings,
    // the word insides, and a part for each first letter of the beginnings.
    let prefixes: Vec<String> = search.prefixes.split(' ').map(str::to_string).collect();
    assert!(search.letters);
    let named = prefixes.len() + search.infixes.split(' ').count() + letters_of(&prefixes).len();
    let published_parts = parts
        .files
        .keys()
        .filter(|p| in_folder(p) && **p != search.tables && **p != search.records)
        .count();
    assert_eq!(named, published_parts);
    // The version names the search: the same chunks with search whole are another version.
    assert_ne!(parts.manifest.version, small.manifest.version);
    let text = std::str::from_utf8(&parts.files[MANIFEST_PATH]).unwrap();
    assert_eq!(read_manifest(text), Ok(parts.manifest.clone()));
}

#[test]
fn tables_of_other_agreements_do_not_read() {
    let data = common::real_data();
    let out = published(&data, Some(SearchIn::Parts));
    let mut fewer = data.clone();
    fewer.agreements.pop();
    let other = published(&fewer, Some(SearchIn::Parts));
    let reference = out.manifest.reference().unwrap().path.clone();
    let search = out.manifest.search.as_ref().unwrap();
    let mut given = files(&out, &[reference.as_str()]);
    let other_tables = other.manifest.search.as_ref().unwrap().tables.clone();
    given.push((search.tables.clone(), other.files[&other_tables].clone()));
    let (part, coverage) = assemble_part(&out.manifest, &given).unwrap();
    assert_eq!(
        read_tables(&coverage, &part, &given),
        Err(PublishedError::Unfitting(search.tables.clone()))
    );
}

#[test]
fn a_newer_version_brings_its_tables_when_the_old_ones_were_held() {
    let data = common::real_data();
    let out = published(&data, Some(SearchIn::Parts));
    let mut changed = data.clone();
    changed.agreements[0].summary = Some("En ny sammanfattning.".into());
    let newer = published(&changed, Some(SearchIn::Parts));
    let paths = out.manifest.paths_for(&Need::Search).unwrap();
    let (_, coverage) = assemble_part(&out.manifest, &files(&out, &paths)).unwrap();
    assert!(coverage.covers(&Need::Search) && !coverage.covers(&Need::All));
    let newer_search = newer.manifest.search.as_ref().unwrap();
    assert!(coverage
        .same_in(&newer.manifest)
        .contains(&newer_search.tables.as_str()));
    assert_ne!(newer_search.dir, out.manifest.search.as_ref().unwrap().dir);
}

#[test]
fn a_whole_copy_moves_to_a_version_in_parts_by_its_kommuner_not_the_whole_country() {
    let data = common::real_data();
    let small = published(&data, None);
    let all = small.manifest.paths_for(&Need::All).unwrap();
    let (_, whole) = assemble_part(&small.manifest, &files(&small, &all)).unwrap();
    let mut more = data.clone();
    more.agreements[0].summary = Some("En ny sammanfattning.".into());
    for search in [None, Some(SearchIn::Parts)] {
        let newer = published(&more, search);
        let same = whole.same_in(&newer.manifest);
        // The same kommuner's chunks either way: the newer version in parts has no more.
        let chunks: Vec<&str> = newer
            .manifest
            .chunks
            .iter()
            .map(|c| c.path.as_str())
            .collect();
        assert_eq!(same, chunks, "{search:?}");
    }
    // The country's data would differ: a version in parts names only the kommuner held.
    let mut country = more.clone();
    let extra = country.agreements[0].clone();
    country.agreements.push(loften_core::Agreement {
        id: "ovrig-2026".into(),
        kommuner: vec![data
            .kommuner
            .iter()
            .find(|k| {
                !data
                    .agreements
                    .iter()
                    .any(|a| a.kommuner.contains(&k.short_name))
            })
            .unwrap()
            .short_name
            .clone()],
        ..extra
    });
    let newer = published(&country, Some(SearchIn::Parts));
    assert_eq!(
        whole.same_in(&newer.manifest).len(),
        newer.manifest.chunks.len() - 1
    );
    let newer_whole = published(&country, None);
    assert_eq!(
        whole.same_in(&newer_whole.manifest).len(),
        newer_whole.manifest.chunks.len()
    );
}

#[test]
fn a_term_of_three_letters_loads_ahead_what_its_fourth_will_need() {
    let data = common::real_data();
    let out = published(&data, Some(SearchIn::Parts));
    let search = out.manifest.search.as_ref().unwrap();
    let terms = |q: &str| vec![q.to_string()];
    // "van" now, "vand" next: the inside part "van" is what the fourth letter adds.
    let ahead = search.keys().paths_ahead(&terms("van"));
    assert_eq!(ahead.len(), 1);
    let next = search.keys().paths_for(&terms("vand"));
    assert!(next.contains(&ahead[0]));
    assert!(!search.keys().paths_for(&terms("van")).contains(&ahead[0]));
    // Folded, like the search: "vän" loads the same.
    assert_eq!(search.keys().paths_ahead(&terms("vän")), ahead);
    assert!(search.keys().paths_ahead(&terms("va")).is_empty());
    assert!(search.keys().paths_ahead(&terms("vand")).is_empty());
}
