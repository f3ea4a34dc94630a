//! The app's pages as values: every internal link is a `Route`, and `href` writes its path
//! within the app (without the base path the app is hosted under, which the router adds).
//! The paths and query keys are a contract (ARCHITECTURE.md, "Routes"): shared links and the
//! end-to-end tests depend on them.

use crate::dataset::Dataset;
use crate::kiosk::KioskConfig;
use crate::query::Query;
use crate::storage::is_valid_id;
use crate::url::{encode, query_string};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// `/`, with the search and filters in its query string.
    Home(Query),
    /// `/kommuner`
    Kommuner,
    /// `/kommuner?hitta=…`: the kommun list narrowed to names matching the text.
    FindKommun { text: String },
    /// `/kommun/:slug`
    Kommun { slug: String },
    /// `/kommun/:slug/sa-gick-det`: a kommun's last agreement and its follow-ups, and the
    /// current one, on one printed page for a medborgardialog.
    HowItWent { slug: String },
    /// `/medborgarlofte/:id`
    Agreement { id: String },
    /// A promise or activity on its agreement's page: `/medborgarlofte/:id#record`.
    Record { agreement: String, record: String },
    /// `/omraden`
    Areas,
    /// `/omrade/:kommun/:area`
    Area { kommun: String, area: String },
    /// `/sparade`, or a share link to saved items (`?dela=id,id`).
    Saved { share: Option<String> },
    /// `/om`
    About,
    /// `/kiosk` with its settings (`?kommun=…&idle=…`).
    Kiosk(KioskConfig),
}

impl Route {
    /// The path within the app, with its query string and fragment.
    pub fn href(&self) -> String {
        match self {
            Route::Home(query) => format!("/{}", query.to_query_string()),
            Route::Kommuner => "/kommuner".into(),
            Route::FindKommun { text } => {
                let pairs = [("hitta", text.as_str())].into_iter();
                format!(
                    "/kommuner{}",
                    query_string(pairs.filter(|(_, v)| !v.is_empty()))
                )
            }
            Route::Kommun { slug } => format!("/kommun/{}", segment(slug)),
            Route::HowItWent { slug } => format!("/kommun/{}/sa-gick-det", segment(slug)),
            Route::Agreement { id } => format!("/medborgarlofte/{}", segment(id)),
            Route::Record { agreement, record } => {
                format!("/medborgarlofte/{}#{}", segment(agreement), segment(record))
            }
            Route::Areas => "/omraden".into(),
            Route::Area { kommun, area } => {
                format!("/omrade/{}/{}", segment(kommun), segment(area))
            }
            Route::Saved { share: None } => "/sparade".into(),
            // Commas are allowed in a query string: the shared link stays readable.
            Route::Saved { share: Some(ids) } => {
                format!("/sparade?dela={}", encode(ids).replace("%2C", ","))
            }
            Route::About => "/om".into(),
            Route::Kiosk(config) => {
                let mut pairs: Vec<(&str, String)> = Vec::new();
                if let Some(kommun) = &config.kommun {
                    pairs.push(("kommun", kommun.clone()));
                }
                if config.idle_seconds != KioskConfig::default().idle_seconds {
                    pairs.push(("idle", config.idle_seconds.to_string()));
                }
                format!(
                    "/kiosk{}",
                    query_string(pairs.iter().map(|(k, v)| (*k, v.as_str())))
                )
            }
        }
    }

    /// The start page without a search.
    pub fn home() -> Route {
        Route::Home(Query::default())
    }

    /// The page of an area, from its id in data/areas.json (`<kommun>/<area>`).
    pub fn area(id: &str) -> Route {
        let (kommun, area) = id.split_once('/').unwrap_or(("", id));
        Route::Area {
            kommun: kommun.to_string(),
            area: area.to_string(),
        }
    }

    /// The start page filtered to one kommun.
    pub fn search_in_kommun(slug: &str) -> Route {
        Route::Home(Query {
            kommun: vec![slug.to_string()],
            ..Query::default()
        })
    }
}

/// An Atom feed of new agreements and follow-up reports, as `loften publish` writes them: of
/// everything, of a kommun (by slug) or of a län (by code). Pages link the feed of what they
/// show (`<link rel="alternate">`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Feed {
    All,
    Kommun(String),
    Lan(String),
}

impl Feed {
    /// Where the feed is, from the site's root: "feeds/alla.xml", "feeds/kommun/eslov.xml".
    pub fn path(&self) -> String {
        match self {
            Feed::All => "feeds/alla.xml".into(),
            Feed::Kommun(slug) => format!("feeds/kommun/{}.xml", segment(slug)),
            Feed::Lan(code) => format!("feeds/lan/{}.xml", segment(code)),
        }
    }

    /// The feed a kommun's pages link: its own where it has agreements (only those have a
    /// feed), else everything.
    pub fn of_kommun(data: &Dataset, slug: &str) -> Feed {
        let has_agreements = data
            .kommun_by_slug(slug)
            .is_some_and(|k| data.agreements_for_kommun(&k.short_name).next().is_some());
        if has_agreements {
            Feed::Kommun(slug.to_string())
        } else {
            Feed::All
        }
    }
}

/// The pages the build renders ahead of time: every page that reads the same for every
/// visitor. Saved items and the kiosk depend on the device, and a search on its query: those
/// are rendered in the browser.
pub fn prerendered(data: &Dataset) -> Vec<Route> {
    let mut routes = vec![Route::home(), Route::Kommuner, Route::Areas, Route::About];
    routes.extend(data.kommuner.iter().map(|k| Route::Kommun {
        slug: k.slug.clone(),
    }));
    let counts = data.agreement_counts();
    routes.extend(
        data.kommuner
            .iter()
            .filter(|k| counts.contains_key(k.short_name.as_str()))
            .map(|k| Route::HowItWent {
                slug: k.slug.clone(),
            }),
    );
    routes.extend(
        data.agreements
            .iter()
            .map(|a| Route::Agreement { id: a.id.clone() }),
    );
    routes.extend(data.areas.iter().map(|a| Route::area(&a.id)));
    routes
}

/// Whether a service worker keeps a page from the first visit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeptOffline {
    /// The start page and /om, the pages residents open first.
    Always,
    /// The lists of every kommun and area: while the device keeps all of the data. Past that
    /// they would name what the device does not keep (and at the country's scale the areas'
    /// list alone weighs 49 KB brotli), so they open in the shell, like any other page.
    WhileDataIsWhole,
    /// Every other page opens offline in the app's shell, which renders it from the kept data,
    /// so what a first visit downloads in the background stays the same however many
    /// agreements there are (with 1,500 it would otherwise be thousands of pages, and typing
    /// measurably slower while they download).
    No,
}

impl KeptOffline {
    /// Its mark in the build's list of pages (`DIST/.pages`, read by scripts/write_sw.py).
    pub fn mark(self) -> &'static str {
        match self {
            KeptOffline::Always => "keep",
            KeptOffline::WhileDataIsWhole => "list",
            KeptOffline::No => "page",
        }
    }
}

/// How a service worker keeps this page from the first visit.
pub fn kept_offline(route: &Route) -> KeptOffline {
    match route {
        Route::Home(_) | Route::About => KeptOffline::Always,
        Route::Kommuner | Route::Areas => KeptOffline::WhileDataIsWhole,
        _ => KeptOffline::No,
    }
}

impl Route {
    /// The file the build writes this page to, relative to the site's folder
    /// (`kommun/eslov/index.html`): a web server answers the page's path with it. `None` for
    /// what is no page of its own (a query, a fragment, the device's pages) and for a segment
    /// that is not a plain slug.
    pub fn page_file(&self) -> Option<String> {
        // Slugs and ids as the dataset writes them; anything else names no file.
        let plain = is_valid_id;
        let folder = match self {
            Route::Home(query) if *query == Query::default() => String::new(),
            Route::Kommuner => "kommuner/".into(),
            Route::Areas => "omraden/".into(),
            Route::About => "om/".into(),
            Route::Kommun { slug } if plain(slug) => format!("kommun/{slug}/"),
            Route::HowItWent { slug } if plain(slug) => format!("kommun/{slug}/sa-gick-det/"),
            Route::Agreement { id } if plain(id) => format!("medborgarlofte/{id}/"),
            Route::Area { kommun, area } if plain(kommun) && plain(area) => {
                format!("omrade/{kommun}/{area}/")
            }
            _ => return None,
        };
        Some(format!("{folder}index.html"))
    }
}

/// A path segment: slugs and ids are ASCII already; anything else is percent-encoded, so a
/// damaged id in a bookmark cannot break out of its segment.
fn segment(text: &str) -> String {
    encode(text).replace('+', "%20")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ActorFilter;

    #[test]
    fn every_route_of_the_design() {
        let cases = [
            (Route::home(), "/"),
            (Route::Kommuner, "/kommuner"),
            (
                Route::FindKommun {
                    text: "väx".into()
                },
                "/kommuner?hitta=v%C3%A4x",
            ),
            (
                Route::Kommun {
                    slug: "upplands-vasby".into(),
                },
                "/kommun/upplands-vasby",
            ),
            (
                Route::HowItWent {
                    slug: "jonkoping".into(),
                },
                "/kommun/jonkoping/sa-gick-det",
            ),
            (
                Route::Agreement {
                    id: "jonkoping-2020".into(),
                },
                "/medborgarlofte/jonkoping-2020",
            ),
            (
                Route::Record {
                    agreement: "jonkoping-2020".into(),
                    record: "jonkoping-2020-l2".into(),
                },
                "/medborgarlofte/jonkoping-2020#jonkoping-2020-l2",
            ),
            (Route::Areas, "/omraden"),
            (
                Route::area("jonkoping/oxnehaga"),
                "/omrade/jonkoping/oxnehaga",
            ),
            (Route::Saved { share: None }, "/sparade"),
            (
                Route::Saved {
                    share: Some("eslov-2016-l1,jonkoping-2020".into()),
                },
                "/sparade?dela=eslov-2016-l1,jonkoping-2020",
            ),
            (Route::About, "/om"),
            (Route::Kiosk(KioskConfig::default()), "/kiosk"),
        ];
        for (route, href) in cases {
            assert_eq!(route.href(), href, "{route:?}");
        }
    }

    #[test]
    fn the_start_page_carries_its_query_and_repeated_keys() {
        let query = Query {
            q: "öxnehaga torg".into(),
            tema: vec!["trafik".into(), "narkotika".into()],
            ar: vec![2020],
            aktor: vec![ActorFilter::Polisen],
            ..Query::default()
        };
        assert_eq!(
            Route::Home(query).href(),
            "/?q=%C3%B6xnehaga+torg&tema=trafik&tema=narkotika&ar=2020&aktor=polisen"
        );
        assert_eq!(Route::search_in_kommun("eslov").href(), "/?kommun=eslov");
    }

    #[test]
    fn feeds_are_where_publish_writes_them() {
        assert_eq!(Feed::All.path(), "feeds/alla.xml");
        assert_eq!(
            Feed::Kommun("upplands-vasby".into()).path(),
            "feeds/kommun/upplands-vasby.xml"
        );
        assert_eq!(Feed::Lan("06".into()).path(), "feeds/lan/06.xml");
    }

    #[test]
    fn finding_nothing_is_the_whole_kommun_list() {
        let empty = Route::FindKommun {
            text: String::new(),
        };
        assert_eq!(empty.href(), Route::Kommuner.href());
    }

    #[test]
    fn kiosk_settings_other_than_the_defaults_are_in_the_query() {
        let config = KioskConfig {
            kommun: Some("jonkoping".into()),
            idle_seconds: 120,
        };
        assert_eq!(
            Route::Kiosk(config).href(),
            "/kiosk?kommun=jonkoping&idle=120"
        );
        let kommun_only = KioskConfig {
            kommun: Some("eslov".into()),
            ..KioskConfig::default()
        };
        assert_eq!(Route::Kiosk(kommun_only).href(), "/kiosk?kommun=eslov");
    }

    #[test]
    fn odd_characters_stay_inside_their_segment() {
        assert_eq!(
            Route::Agreement { id: "a/b c".into() }.href(),
            "/medborgarlofte/a%2Fb%20c"
        );
        assert_eq!(
            Route::area("jonkoping/ö x").href(),
            "/omrade/jonkoping/%C3%B6%20x"
        );
    }
}
