//! The data as published apart from the app: a manifest and chunks named by their contents.

mod common;

use chrono::NaiveDate;
use loften_core::published::{
    assemble, assemble_part, pack, publish, read_manifest, unpack, Chunks, Need, Published,
    PublishedError, SearchIn, MANIFEST_PATH, SCHEMA,
};
use loften_core::Dataset;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 5).unwrap()
}

fn published(data: &Dataset) -> Published {
    publish(data, day(), common::hash, None)
}

fn chunks_of(published: &Published) -> Chunks {
    published
        .files
        .iter()
        .filter(|(path, _)| path.starts_with("data/chunks/"))
        .map(|(p, b)| (p.clone(), b.clone()))
        .collect()
}

#[test]
fn the_chunks_give_back_the_very_dataset() {
    let data = common::real_data();
    let out = published(&data);
    assert_eq!(assemble(&out.manifest, &chunks_of(&out)), Ok(data.clone()));
    // The manifest on the site reads as the one returned, and is also kept by its version.
    let text = std::str::from_utf8(&out.files[MANIFEST_PATH]).unwrap();
    assert_eq!(read_manifest(text), Ok(out.manifest.clone()));
    let kept = format!("data/manifests/{}.json", out.manifest.version);
    assert_eq!(out.files[&kept], out.files[MANIFEST_PATH]);
}

/// Each agreement's kommuner by their slugs, sorted: the group whose chunks hold it.
fn group_of<'a>(data: &'a Dataset, agreement: &'a loften_core::Agreement) -> Vec<&'a str> {
    let mut slugs: Vec<&str> = agreement
        .kommuner
        .iter()
        .map(|name| data.kommun_by_name(name).unwrap().slug.as_str())
        .collect();
    slugs.sort();
    slugs
}

#[test]
fn a_reference_chunk_then_a_chunk_for_each_group_or_with_search_in_parts_two() {
    let data = common::real_data();
    for search in [SearchIn::Whole, SearchIn::Parts] {
        chunks_as_published(&data, search);
    }
}

/// The chunks of `data` published with its search `search`: each group's agreements together,
/// or in parts its newest alone and its earlier ones together.
fn chunks_as_published(data: &Dataset, search: SearchIn) {
    let out = publish(data, day(), common::hash, Some(search));
    // The groups in order of their slugs, each with its agreements newest first.
    let mut groups: std::collections::BTreeMap<Vec<&str>, Vec<&str>> = Default::default();
    for agreement in &data.agreements {
        let group = groups.entry(group_of(data, agreement)).or_default();
        group.push(agreement.id.as_str());
    }
    assert!(
        groups.keys().any(|g| g.len() > 1),
        "the real data has a shared agreement"
    );
    assert!(
        groups.values().any(|ids| ids.len() > 2),
        "the real data has a kommun with several earlier agreements"
    );
    let expected: Vec<(Vec<&str>, Vec<&str>)> = groups
        .into_iter()
        .flat_map(|(kommuner, ids)| {
            let first_holds = if search == SearchIn::Parts {
                1
            } else {
                ids.len()
            };
            let (newest, earlier) = ids.split_at(first_holds);
            let earlier = (!earlier.is_empty()).then(|| (kommuner.clone(), earlier.to_vec()));
            std::iter::once((kommuner, newest.to_vec())).chain(earlier)
        })
        .collect();
    assert!(out.manifest.chunks[0].kommuner.is_empty());
    let reference = out.manifest.chunks[0].path.as_str();
    let listed: Vec<(Vec<&str>, Vec<String>)> = out.manifest.chunks[1..]
        .iter()
        .map(|c| {
            let (alone, _) =
                assemble_part(&out.manifest, &only(&out, &[reference, &c.path])).unwrap();
            let ids = alone.agreements.into_iter().map(|a| a.id).collect();
            (c.kommuner.iter().map(String::as_str).collect(), ids)
        })
        .collect();
    let listed: Vec<(Vec<&str>, Vec<&str>)> = listed
        .iter()
        .map(|(kommuner, ids)| (kommuner.clone(), ids.iter().map(String::as_str).collect()))
        .collect();
    assert_eq!(listed, expected, "{search:?}");
    for chunk in &out.manifest.chunks {
        assert_eq!(chunk.bytes as usize, out.files[&chunk.path].len());
        assert_eq!(
            chunk.path,
            format!("data/chunks/{}.bin", common::hash(&out.files[&chunk.path]))
        );
    }
    // Every chunk once: a shared agreement is not copied into each of its kommuner's.
    let mut paths: Vec<&str> = out
        .manifest
        .chunks
        .iter()
        .map(|c| c.path.as_str())
        .collect();
    paths.sort();
    paths.dedup();
    assert_eq!(paths.len(), out.manifest.chunks.len());
}

#[test]
fn the_newest_agreements_chunk_holds_the_areas_it_names_and_the_earlier_ones_the_kommuns() {
    let data = common::real_data();
    let out = publish(&data, day(), common::hash, Some(SearchIn::Parts));
    let reference = out.manifest.chunks[0].path.as_str();
    let mut seen = Vec::new();
    for chunk in &out.manifest.chunks[1..] {
        let (alone, _) =
            assemble_part(&out.manifest, &only(&out, &[reference, &chunk.path])).unwrap();
        let newest = !seen.contains(&&chunk.kommuner);
        seen.push(&chunk.kommuner);
        let has_earlier = out
            .manifest
            .chunks
            .iter()
            .filter(|c| c.kommuner == chunk.kommuner)
            .count()
            > 1;
        for area in &data.areas {
            let named = alone.agreements.iter().any(|a| {
                a.promises.iter().any(|p| p.areas.contains(&area.id))
                    || a.activities.iter().any(|x| x.areas.contains(&area.id))
            });
            let kommun = area.id.split('/').next().unwrap();
            let own = chunk.kommuner.iter().any(|k| k == kommun) && !(newest && has_earlier);
            assert_eq!(
                alone.areas.contains(area),
                named || own,
                "{} in {:?}",
                area.id,
                chunk.kommuner
            );
        }
    }
}

#[test]
fn the_same_data_gives_the_same_names_and_a_change_renames_only_the_chunk_that_holds_it() {
    let data = common::real_data();
    let first = published(&data);
    assert_eq!(published(&data).manifest, first.manifest);
    let mut changed = data.clone();
    let agreement = changed
        .agreements
        .iter_mut()
        .find(|a| a.kommuner.len() == 1 && !a.activities.is_empty())
        .expect("an agreement of one kommun with activities");
    agreement.activities[0].text.push_str(" (ändrad)");
    let id = agreement.id.clone();
    let second = published(&changed);
    assert_ne!(second.manifest.version, first.manifest.version);
    let (_, coverage) = assemble_part(&first.manifest, &chunks_of(&first)).unwrap();
    let home = coverage.paths_for(&Need::Agreement(id.clone()));
    let home = home.last().unwrap();
    let mut renamed = 0;
    for (before, after) in first.manifest.chunks.iter().zip(&second.manifest.chunks) {
        assert_eq!(before.kommuner, after.kommuner);
        assert_eq!(
            before.path != after.path,
            before.path == *home,
            "{:?}",
            before.kommuner
        );
        renamed += usize::from(before.path != after.path);
    }
    assert_eq!(renamed, 1, "{id}");
}

#[test]
fn an_agreement_of_several_kommuner_is_in_their_shared_chunk_and_assembled_once() {
    let mut data = common::real_data();
    let first = data.agreements[0].kommuner[0].clone();
    let other = data
        .kommuner
        .iter()
        .find(|k| !data.agreements[0].kommuner.contains(&k.short_name))
        .unwrap()
        .clone();
    data.agreements[0].kommuner.push(other.short_name.clone());
    let out = published(&data);
    let mut pair = vec![
        data.kommun_by_name(&first).unwrap().slug.clone(),
        other.slug,
    ];
    pair.sort();
    assert!(out.manifest.chunks.iter().any(|c| c.kommuner == pair));
    let again = assemble(&out.manifest, &chunks_of(&out)).unwrap();
    assert_eq!(again, data);
}

#[test]
fn a_version_is_whole_or_an_error() {
    let data = common::real_data();
    let out = published(&data);
    let mut chunks = chunks_of(&out);
    let kommun_chunk = out.manifest.chunks[1].path.clone();
    // A chunk of another version cannot stand in: its name is its contents.
    let at = chunks.iter().position(|(p, _)| *p == kommun_chunk).unwrap();
    let (_, removed) = chunks.remove(at);
    assert_eq!(
        assemble(&out.manifest, &chunks),
        Err(PublishedError::Missing(kommun_chunk.clone()))
    );
    let mut cut = removed.clone();
    cut.truncate(cut.len() / 2);
    chunks.push((kommun_chunk.clone(), cut));
    assert!(matches!(
        assemble(&out.manifest, &chunks),
        Err(PublishedError::Damaged(path, _)) if path == kommun_chunk
    ));
    // A manifest that lists none of the kommuner its reference names is refused.
    let mut short = out.manifest.clone();
    short.chunks.truncate(1);
    assert!(matches!(
        assemble(&short, &chunks_of(&out)),
        Err(PublishedError::Incomplete(_))
    ));
}

#[test]
fn a_newer_schema_is_named_not_misread() {
    let newer = format!(
        r#"{{"schema":{},"whatever":"a later shape","chunks":7}}"#,
        SCHEMA + 1
    );
    assert_eq!(
        read_manifest(&newer),
        Err(PublishedError::NewerSchema(SCHEMA + 1))
    );
    // Schema 1, before reports had statuses: a manifest an app of this schema no longer reads.
    assert_eq!(
        read_manifest(r#"{"schema":1,"version":"x","date":"2026-12-05","chunks":[]}"#),
        Err(PublishedError::OlderSchema(1))
    );
    assert!(matches!(
        read_manifest("<html>not found</html>"),
        Err(PublishedError::NotAManifest(_))
    ));
    assert!(matches!(
        read_manifest(&format!(r#"{{"schema":{SCHEMA},"version":"x"}}"#)),
        Err(PublishedError::NotAManifest(_))
    ));
}

#[test]
fn a_kept_copy_unpacks_to_what_was_packed() {
    let data = common::real_data();
    let out = published(&data);
    let chunks = chunks_of(&out);
    let packed = pack(&out.files[MANIFEST_PATH], &chunks);
    assert_eq!(
        unpack(&packed),
        Some((out.files[MANIFEST_PATH].clone(), chunks.clone()))
    );
    for cut in [0, 3, 10, packed.len() / 2, packed.len() - 1] {
        assert_eq!(unpack(&packed[..cut]), None, "cut at {cut}");
    }
}

/// The chunks `paths` names, as a client that fetched only those holds them.
fn only(published: &Published, paths: &[&str]) -> Chunks {
    chunks_of(published)
        .into_iter()
        .filter(|(path, _)| paths.contains(&path.as_str()))
        .collect()
}

#[test]
fn a_kommuns_page_reads_the_reference_and_its_own_chunks_alone() {
    let data = common::real_data();
    let out = published(&data);
    let (_, whole) = assemble_part(&out.manifest, &chunks_of(&out)).unwrap();
    assert!(whole.is_whole());
    for kommun in data.kommuner.iter().filter(|k| {
        data.agreements
            .iter()
            .any(|a| a.kommuner.contains(&k.short_name) || a.kommuner.contains(&k.name))
    }) {
        let need = Need::Kommun(kommun.slug.clone());
        let paths = whole.paths_for(&need);
        assert!(
            paths.len() < out.manifest.chunks.len(),
            "{}: {paths:?}",
            kommun.slug
        );
        let (part, coverage) = assemble_part(&out.manifest, &only(&out, &paths)).unwrap();
        assert!(coverage.covers(&need));
        assert!(!coverage.covers(&Need::All) && !coverage.is_whole());
        // The kommun's pages show what the whole dataset shows of it.
        assert_eq!(
            loften_core::views::kommun_history(&part, &kommun.short_name).len(),
            loften_core::views::kommun_history(&data, &kommun.short_name).len(),
            "{}",
            kommun.slug
        );
        assert!(!part.agreements.is_empty());
        assert_eq!(part.kommuner, data.kommuner);
        // Its areas come with its chunks, in the dataset's order.
        assert_eq!(
            loften_core::views::areas_of_kommun(&part, &kommun.short_name),
            loften_core::views::areas_of_kommun(&data, &kommun.short_name),
        );
        assert!(part.areas.len() < data.areas.len());
        let (held, total) = coverage.bytes();
        assert!(held < total);
    }
}

#[test]
fn an_agreements_page_reads_the_chunk_that_holds_it() {
    let data = common::real_data();
    let out = published(&data);
    let (_, whole) = assemble_part(&out.manifest, &chunks_of(&out)).unwrap();
    for agreement in &data.agreements {
        let need = Need::Agreement(agreement.id.clone());
        let paths = whole.paths_for(&need);
        assert_eq!(paths.len(), 2, "the reference and one chunk: {paths:?}");
        let (part, coverage) = assemble_part(&out.manifest, &only(&out, &paths)).unwrap();
        assert!(coverage.covers(&need));
        assert_eq!(part.agreement(&agreement.id), Some(agreement));
        // Every area its records name, to show by name.
        let named = agreement.promises.iter().flat_map(|p| &p.areas);
        for id in named.chain(agreement.activities.iter().flat_map(|x| &x.areas)) {
            assert!(part.area(id).is_some(), "{}: {id}", agreement.id);
        }
    }
    // An agreement the version does not hold needs the reference only, which says so.
    let reference = &out.manifest.chunks[0].path;
    assert_eq!(
        whole.paths_for(&Need::Agreement("nowhere-1999".into())),
        vec![reference.as_str()]
    );
    let (part, coverage) = assemble_part(&out.manifest, &only(&out, &[reference])).unwrap();
    assert!(coverage.covers(&Need::Agreement("nowhere-1999".into())));
    assert!(part.agreements.is_empty());
    assert_eq!(coverage.kommuner().0, 0);
    assert!(coverage.kommuner().1 > 0);
}

#[test]
fn a_part_without_the_reference_or_with_a_chunk_short_of_an_agreement_does_not_read() {
    let data = common::real_data();
    let out = published(&data);
    let reference = out.manifest.chunks[0].path.clone();
    let kommun_chunk = out.manifest.chunks[1].path.clone();
    assert_eq!(
        assemble_part(&out.manifest, &only(&out, &[&kommun_chunk])).map(|_| ()),
        Err(PublishedError::Missing(reference.clone()))
    );
    // A kommun chunk given is read whole: one that lacks an agreement the reference puts
    // there is another version's, or damaged.
    let mut chunks = only(&out, &[&reference]);
    chunks.push((kommun_chunk.clone(), b"LOFC\x03not postcard".to_vec()));
    assert!(matches!(
        assemble_part(&out.manifest, &chunks),
        Err(PublishedError::Damaged(path, _)) if path == kommun_chunk
    ));
    // The whole dataset needs every chunk.
    assert_eq!(
        assemble(&out.manifest, &only(&out, &[&reference])),
        Err(PublishedError::Missing(kommun_chunk))
    );
}

#[test]
fn each_page_needs_what_it_shows() {
    use loften_core::route::Route;
    let kommun = Need::Kommun("jonkoping".into());
    let agreement = Need::Agreement("jonkoping-2020".into());
    let slug = || "jonkoping".to_string();
    let id = || "jonkoping-2020".to_string();
    let area = Route::Area {
        kommun: slug(),
        area: "oxnehaga".into(),
    };
    let record = Route::Record {
        agreement: id(),
        record: "a1".into(),
    };
    for (route, need) in [
        (Route::Kommun { slug: slug() }, &kommun),
        (Route::HowItWent { slug: slug() }, &kommun),
        (area, &kommun),
        (Route::Agreement { id: id() }, &agreement),
        (record, &agreement),
    ] {
        assert_eq!(&Need::of(&route), need, "{route:?}");
    }
    assert_eq!(Need::of(&Route::Home(Default::default())), Need::Search);
    for route in [
        Route::Kommuner,
        Route::Areas,
        Route::About,
        Route::Saved { share: None },
    ] {
        assert_eq!(Need::of(&route), Need::All, "{route:?}");
    }
}

#[test]
fn a_newer_version_is_fetched_for_the_kommuner_held() {
    let data = common::real_data();
    let out = published(&data);
    let mut changed = data.clone();
    changed.agreements[0].summary = Some("En ny sammanfattning.".into());
    let newer = published(&changed);
    let (_, whole) = assemble_part(&out.manifest, &chunks_of(&out)).unwrap();
    assert_eq!(
        whole.same_in(&newer.manifest).len(),
        newer.manifest.chunks.len()
    );
    let kommun = out.manifest.chunks[1].kommuner[0].clone();
    let need = Need::Kommun(kommun.clone());
    let (_, part) = assemble_part(&out.manifest, &only(&out, &whole.paths_for(&need))).unwrap();
    let same = part.same_in(&newer.manifest);
    // The newer version's chunks for the same kommun: what its pages need there.
    let (_, newer_whole) = assemble_part(&newer.manifest, &chunks_of(&newer)).unwrap();
    assert_eq!(same, newer_whole.paths_for(&need));
    let (_, newer_part) = assemble_part(&newer.manifest, &only(&newer, &same)).unwrap();
    assert!(newer_part.covers(&need) && !newer_part.is_whole());
}

#[test]
fn a_path_needs_what_its_route_shows() {
    let data = common::real_data();
    for route in loften_core::route::prerendered(&data) {
        let href = route.href();
        let path = href.split(['?', '#']).next().unwrap();
        assert_eq!(Need::at(path), Need::of(&route), "{href}");
    }
    assert_eq!(Need::at("/sparade"), Need::All);
    assert_eq!(Need::at("/kommun/jonkoping/okand"), Need::All);
    assert_eq!(
        Need::at("/medborgarlofte/jonkoping-2020/"),
        Need::Agreement("jonkoping-2020".into())
    );
}

#[test]
fn a_device_keeps_the_chunks_of_what_it_follows_and_saved() {
    let data = common::real_data();
    let out = published(&data);
    let reference = out.manifest.chunks[0].path.as_str();
    let (_, part) = assemble_part(&out.manifest, &only(&out, &[reference])).unwrap();
    assert_eq!(part.paths_to_keep([], []), Vec::<&str>::new());
    let agreement = &data.agreements[0];
    let activity = &agreement.activities[0].id;
    let kept = part.paths_to_keep([], [activity.as_str()]);
    let expected = part.paths_for(&Need::Agreement(agreement.id.clone()));
    assert_eq!(kept, expected);
    assert_eq!(part.paths_to_keep([], [agreement.id.as_str()]), expected);
    // An id no agreement's starts: nothing to keep for it.
    assert_eq!(part.paths_to_keep([], ["utan-avtal"]), Vec::<&str>::new());
    let slug = out.manifest.chunks[1].kommuner[0].as_str();
    let by_kommun = part.paths_for(&Need::Kommun(slug.into()));
    assert_eq!(part.paths_to_keep([slug], []), by_kommun);
}

#[test]
fn the_areas_of_a_kommun_without_agreements_are_in_the_reference() {
    let mut data = common::real_data();
    let counts = data.agreement_counts();
    let quiet = data
        .kommuner
        .iter()
        .find(|k| !counts.contains_key(k.short_name.as_str()))
        .unwrap()
        .clone();
    let mut area = data.areas[0].clone();
    area.id = format!("{}/centrum", quiet.slug);
    area.kommun = quiet.short_name.clone();
    data.areas.insert(1, area.clone());
    let out = published(&data);
    let reference = out.manifest.chunks[0].path.as_str();
    let (part, _) = assemble_part(&out.manifest, &only(&out, &[reference])).unwrap();
    assert_eq!(part.areas, vec![area]);
    assert_eq!(assemble(&out.manifest, &chunks_of(&out)), Ok(data));
}
