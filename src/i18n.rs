//! The interface's words in Swedish and English. The data itself stays Swedish.
//!
//! One struct per language, so a missing translation is a compile error, not a blank.

use leptos::prelude::*;
use loften_core::dates::{CadenceSpan, Ends};
use loften_core::model::Cadence;
use loften_core::views::Status;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Sv,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "sv" => Some(Lang::Sv),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Sv => &SV,
            Lang::En => &EN,
        }
    }
}

pub struct Texts {
    pub tagline: &'static str,
    /// The start page's meta description.
    pub site_description: &'static str,
    /// The /om page's meta description.
    pub about_description: &'static str,
    pub skip_to_content: &'static str,
    pub nav_label: &'static str,
    pub nav_search: &'static str,
    pub nav_kommuner: &'static str,
    pub nav_areas: &'static str,
    pub nav_saved: &'static str,
    pub nav_about: &'static str,
    pub switch_language: &'static str,
    pub footer_not_official: &'static str,
    pub footer_privacy: &'static str,
    pub loading: &'static str,
    pub load_failed: &'static str,
    pub retry: &'static str,

    pub search_heading: &'static str,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub filters: &'static str,
    pub filter_kommun: &'static str,
    pub filter_lan: &'static str,
    pub filter_tema: &'static str,
    pub filter_ar: &'static str,
    pub filter_aktor: &'static str,
    pub all: &'static str,
    pub several_chosen: &'static str,
    pub remove_filter: &'static str,
    pub clear_all: &'static str,
    pub ignored_values: &'static str,
    pub no_results: &'static str,
    pub no_results_hint: &'static str,
    pub widen_remove: &'static str,
    pub show_more: &'static str,
    pub download: &'static str,
    pub download_csv: &'static str,
    pub download_json: &'static str,
    pub matches_in_agreement: &'static str,
    pub matched_by_agreement: &'static str,
    pub more_matches: &'static str,
    pub more_match: &'static str,

    pub actor_polisen: &'static str,
    pub actor_kommunen: &'static str,
    pub actor_gemensamt: &'static str,
    pub promise: &'static str,
    pub activity: &'static str,
    pub promises: &'static str,
    pub activities: &'static str,
    pub other_activities: &'static str,
    pub commitments: &'static str,
    pub partners: &'static str,
    pub frequency: &'static str,
    pub areas: &'static str,
    pub topics: &'static str,

    pub status_ongoing: &'static str,
    pub status_ended: &'static str,
    pub status_upcoming: &'static str,
    pub period: &'static str,
    pub kommun: &'static str,
    pub kommuner: &'static str,
    pub lan: &'static str,
    pub lokalpolisomrade: &'static str,
    pub signed: &'static str,
    /// A date written out: "21 januari 2016".
    pub date: fn(chrono::NaiveDate) -> String,
    pub ends: &'static str,
    /// Before a year: "under 2027".
    pub during: &'static str,
    pub next_follow_up: &'static str,
    pub span_tertial: &'static str,
    pub span_kvartal: &'static str,
    pub span_year: &'static str,
    /// Before the last day of a follow-up span: "som slutar 31 december 2026".
    pub span_ending: &'static str,
    pub signatories: &'static str,
    pub summary: &'static str,
    pub situation: &'static str,
    pub priorities: &'static str,
    pub effect: &'static str,
    pub follow_up: &'static str,
    pub cadence_tertial: &'static str,
    pub cadence_kvartal: &'static str,
    pub cadence_ar: &'static str,
    pub reports: &'static str,
    pub source: &'static str,
    pub source_file: &'static str,
    pub open_data_link: &'static str,
    pub notes: &'static str,
    pub announcement_heading: &'static str,
    pub announcement_text: &'static str,
    pub not_stated: &'static str,

    pub kommuner_heading: &'static str,
    pub kommuner_intro: &'static str,
    pub none_in_data: &'static str,
    pub find_kommun: &'static str,
    pub no_kommun_found: &'static str,
    pub kommun_agreements: &'static str,
    pub kommun_none: &'static str,
    pub kommun_where_to_ask: &'static str,
    pub changes_since_previous: &'static str,
    pub topics_added: &'static str,
    pub topics_dropped: &'static str,
    pub no_topic_change: &'static str,
    pub first_in_data: &'static str,
    pub kommun_areas: &'static str,
    pub search_in_kommun: &'static str,

    pub areas_heading: &'static str,
    pub areas_intro: &'static str,
    pub area_mentions: &'static str,
    pub area_none: &'static str,
    pub area_kind_stadsdel: &'static str,
    pub area_kind_ort: &'static str,
    pub area_kind_centrum: &'static str,
    pub area_kind_plats: &'static str,

    pub saved_heading: &'static str,
    pub save: &'static str,
    pub saved_intro: &'static str,
    pub saved_empty: &'static str,
    pub saved_missing: &'static str,
    pub saved_missing_text: &'static str,
    pub note_label: &'static str,
    pub share_heading: &'static str,
    pub share_intro: &'static str,
    pub share_link_label: &'static str,
    pub copy_link: &'static str,
    pub copied: &'static str,
    pub export_file: &'static str,
    pub import_file: &'static str,
    pub imported: &'static str,
    pub import_failed: &'static str,
    pub shared_heading: &'static str,
    pub shared_intro: &'static str,
    pub save_all: &'static str,
    pub shared_none: &'static str,
    pub storage_unavailable: &'static str,
    pub storage_full: &'static str,
    pub storage_kept_aside: &'static str,
    pub storage_left_alone: &'static str,
    pub storage_newer: &'static str,
    pub storage_migrated: &'static str,
    pub dismiss: &'static str,
    pub kind_agreement: &'static str,
    pub text_size: &'static str,
    pub update_ready: &'static str,
    pub kiosk_heading: &'static str,
    pub kiosk_intro: &'static str,
    pub kiosk_pick: &'static str,
    pub kiosk_with_data: &'static str,
    pub kiosk_warning_title: &'static str,
    pub kiosk_warning_text: &'static str,
    pub kiosk_seconds: &'static str,
    pub kiosk_continue: &'static str,
    pub kiosk_touch_to_start: &'static str,
    pub kiosk_to_start: &'static str,
    pub kiosk_search_all: &'static str,
    pub kiosk_open_agreement: &'static str,
    pub take_away: &'static str,
    pub take_away_hint: &'static str,
    pub qr_label: &'static str,
    pub close: &'static str,
    pub print_address: &'static str,
    pub open_on_phone: &'static str,
    pub update_apply: &'static str,
    pub offline: &'static str,
    pub data_from_copy: &'static str,
    pub version: &'static str,
    pub install_heading: &'static str,
    pub install_button: &'static str,
    pub install_ios: &'static str,
    pub install_other: &'static str,
    pub install_done: &'static str,
    pub text_size_normal: &'static str,
    pub text_size_large: &'static str,
    pub text_size_larger: &'static str,
    pub theme: &'static str,
    pub theme_system: &'static str,
    pub theme_light: &'static str,
    pub theme_dark: &'static str,

    pub about_heading: &'static str,

    pub not_found_heading: &'static str,
    pub not_found_text: &'static str,
    pub not_found_agreement: &'static str,
    pub not_found_kommun: &'static str,
    pub not_found_area: &'static str,
    pub go_home: &'static str,

    // Issue 19 (the first minute): the Kommun filter's groups.
    pub kommun_group_with: &'static str,
    pub kommun_group_rest: &'static str,
}

pub static SV: Texts = Texts {
    tagline: "Vad polis och kommun har lovat för din trygghet",
    site_description: "Vad polis och kommun har lovat för din trygghet: sök, läs och spara medborgarlöften, även utan uppkoppling.",
    about_description: "Vad medborgarlöften är, var uppgifterna kommer ifrån, hur aktuella de är, och tillgänglighetsredogörelsen.",
    skip_to_content: "Hoppa till innehållet",
    nav_label: "Huvudmeny",
    nav_search: "Sök",
    nav_kommuner: "Kommuner",
    nav_areas: "Områden",
    nav_saved: "Sparade",
    nav_about: "Om",
    switch_language: "In English",
    footer_not_official: "Medborgarlöften är inte en tjänst från Polisen eller någon kommun. Varje medborgarlöfte länkar till sin källa.",
    footer_privacy: "Inget du gör här lämnar din enhet.",
    loading: "Hämtar medborgarlöften …",
    load_failed: "Medborgarlöftena kunde inte hämtas.",
    retry: "Försök igen",

    search_heading: "Sök bland medborgarlöften",
    search_label: "Sök",
    search_placeholder: "Till exempel Öxnehaga, narkotika eller trygghetsvandring",
    filters: "Filter",
    filter_kommun: "Kommun",
    filter_lan: "Län",
    filter_tema: "Tema",
    filter_ar: "År",
    filter_aktor: "Aktör",
    all: "Alla",
    several_chosen: "Flera valda",
    remove_filter: "Ta bort filtret",
    clear_all: "Rensa sökning och filter",
    ignored_values: "Det här i adressen kände vi inte igen och bortsåg från:",
    no_results: "Inga träffar.",
    no_results_hint: "Pröva ett kortare ord, eller vidga sökningen:",
    widen_remove: "Ta bort",
    show_more: "Visa fler",
    download: "Ladda ner resultatet",
    download_csv: "Ladda ner som CSV",
    download_json: "Ladda ner som JSON",
    matches_in_agreement: "Träffar i det här medborgarlöftet",
    matched_by_agreement: "Träffen finns i medborgarlöftets beskrivning.",
    more_matches: "träffar till i det här medborgarlöftet",
    more_match: "träff till i det här medborgarlöftet",

    actor_polisen: "Polisen",
    actor_kommunen: "Kommunen",
    actor_gemensamt: "Gemensamt",
    promise: "Löfte",
    activity: "Aktivitet",
    promises: "Löften",
    activities: "Aktiviteter",
    other_activities: "Aktiviteter som inte knyts till ett visst löfte",
    commitments: "Åtaganden",
    partners: "Tillsammans med",
    frequency: "Hur ofta",
    areas: "Områden",
    topics: "Teman",

    status_ongoing: "Pågår",
    status_ended: "Avslutat",
    status_upcoming: "Kommande",
    period: "Period",
    kommun: "Kommun",
    kommuner: "Kommuner",
    lan: "Län",
    lokalpolisomrade: "Lokalpolisområde",
    signed: "Undertecknat",
    date: loften_core::dates::long_sv,
    ends: "Slutar",
    during: "under",
    next_follow_up: "Nästa uppföljning",
    span_tertial: "tertial",
    span_kvartal: "kvartal",
    span_year: "året",
    span_ending: "som slutar",
    signatories: "Undertecknat av",
    summary: "Inledning",
    situation: "Lägesbild",
    priorities: "Prioriterade områden",
    effect: "Det här vill de uppnå",
    follow_up: "Uppföljning",
    cadence_tertial: "Följs upp varje tertial (var fjärde månad)",
    cadence_kvartal: "Följs upp varje kvartal",
    cadence_ar: "Följs upp varje år",
    reports: "Uppföljningsrapporter",
    source: "Källa",
    source_file: "Källans text",
    open_data_link: "Hela datamängden som öppna data (JSON)",
    notes: "Att veta om källan",
    announcement_heading: "Löftenas innehåll finns inte i källan",
    announcement_text: "Källan är ett meddelande om att medborgarlöftena har undertecknats. Vad polis och kommun lovade står inte i den, så här visas bara det som källan säger.",
    not_stated: "Anges inte i källan",

    kommuner_heading: "Alla kommuner",
    kommuner_intro: "Sveriges 290 kommuner, län för län, med antalet medborgarlöften som finns här.",
    none_in_data: "inga här ännu",
    find_kommun: "Hitta kommun",
    no_kommun_found: "Ingen kommun heter så. Pröva en del av namnet.",
    kommun_agreements: "Medborgarlöften över tid",
    kommun_none: "Det finns inga medborgarlöften för den här kommunen i datamängden ännu.",
    kommun_where_to_ask: "Fråga kommunen eller lokalpolisområdet om deras medborgarlöften: de flesta kommuner har ett. Du når polisen på 114 14.",
    changes_since_previous: "Jämfört med föregående",
    topics_added: "Nya teman",
    topics_dropped: "Teman som fallit bort",
    no_topic_change: "Samma teman som föregående.",
    first_in_data: "Det första i datamängden.",
    kommun_areas: "Områden som nämns",
    search_in_kommun: "Sök i kommunens medborgarlöften",

    areas_heading: "Områden",
    areas_intro: "Platser som medborgarlöftena nämner, kommun för kommun, med varje löfte och aktivitet som gäller platsen.",
    area_mentions: "Löften och aktiviteter som nämner platsen",
    area_none: "Inga löften eller aktiviteter nämner platsen.",
    area_kind_stadsdel: "Stadsdel",
    area_kind_ort: "Ort",
    area_kind_centrum: "Centrum",
    area_kind_plats: "Plats",

    saved_heading: "Sparade",
    save: "Spara",
    saved_intro: "Det du har sparat finns bara på den här enheten. Du kan skriva en egen anteckning vid varje.",
    saved_empty: "Du har inte sparat något ännu. Tryck på Spara vid ett medborgarlöfte, löfte eller en aktivitet så hamnar det här.",
    saved_missing: "Finns inte längre i datamängden",
    saved_missing_text: "De här sparade finns inte längre i datamängden. Vi behåller dem så att du inte tappar något; ta bort dem när du vill.",
    note_label: "Din anteckning",
    share_heading: "Dela eller flytta",
    share_intro: "Öppna länken på en annan enhet för att spara samma saker där, eller spara en fil.",
    share_link_label: "Länk till det du sparat",
    copy_link: "Kopiera länken",
    copied: "Länken är kopierad.",
    export_file: "Spara som fil (JSON)",
    import_file: "Läs in sparade från fil",
    imported: "Inlästa från filen, nya:",
    import_failed: "Filen kunde inte läsas som sparade medborgarlöften.",
    shared_heading: "Delat med dig",
    shared_intro: "Någon har delat de här med dig. Vill du spara dem på den här enheten?",
    save_all: "Spara alla",
    shared_none: "Länken innehöll inget som finns i datamängden.",
    storage_unavailable: "Den här webbläsaren låter oss inte spara något på enheten (till exempel i privat läge). Det du sparar finns kvar tills du stänger sidan, men inte längre.",
    storage_full: "Lagringen på enheten är full. Dina senaste ändringar finns kvar tills du stänger sidan, men sparas inte.",
    storage_kept_aside: "Det som fanns sparat gick inte att läsa. Vi har lagt undan en kopia (nyckeln nedan) och börjat om.",
    storage_left_alone: "Det som fanns sparat gick inte att läsa och kunde inte kopieras undan. Vi rör det inte; dina ändringar nu sparas inte.",
    storage_newer: "Det som fanns sparat kommer från en nyare version av appen. Vi har lagt undan det orört (nyckeln nedan) och börjat om.",
    storage_migrated: "Dina sparade har flyttats över till det nya formatet.",
    dismiss: "Stäng",
    kind_agreement: "Medborgarlöfte",
    text_size: "Textstorlek",
    update_ready: "Ny version finns.",
    kiosk_heading: "Vad har polis och kommun lovat?",
    kiosk_intro: "Här ser du vad polisen och kommunen har lovat att göra för tryggheten, och hur de ska göra det.",
    kiosk_pick: "Välj kommun",
    kiosk_with_data: "Kommuner med medborgarlöften här",
    kiosk_warning_title: "Är du kvar?",
    kiosk_warning_text: "Ingen har rört skärmen på en stund. Sidan börjar snart om, och det du har gjort här försvinner.",
    kiosk_seconds: "sekunder kvar",
    kiosk_continue: "Fortsätt",
    kiosk_touch_to_start: "Tryck var som helst för att börja",
    kiosk_to_start: "Till start",
    kiosk_search_all: "Sök bland alla medborgarlöften",
    kiosk_open_agreement: "Läs hela medborgarlöftet",
    take_away: "Ta med till mobilen",
    take_away_hint: "Rikta mobilens kamera mot koden för att öppna samma sida där.",
    qr_label: "QR-kod till sidan",
    close: "Stäng",
    print_address: "Adress",
    open_on_phone: "Öppna på mobilen",
    update_apply: "Uppdatera",
    offline: "Du är offline. Du ser det som finns sparat på enheten.",
    data_from_copy: "Medborgarlöftena kunde inte hämtas just nu, så du ser dem som de var när de senast hämtades. De kan vara inaktuella.",
    version: "Version",
    install_heading: "Installera appen",
    install_button: "Installera Medborgarlöften",
    install_ios: "På iPhone och iPad: tryck på Dela-knappen i Safari och välj Lägg till på hemskärmen.",
    install_other: "Använd webbläsarens meny och välj Installera app eller Lägg till på startskärmen. Appen fungerar sedan även utan uppkoppling.",
    install_done: "Appen är installerad på den här enheten.",
    text_size_normal: "Normal",
    text_size_large: "Stor",
    text_size_larger: "Större",
    theme: "Ljust eller mörkt",
    theme_system: "Som enheten",
    theme_light: "Ljust",
    theme_dark: "Mörkt",

    about_heading: "Om Medborgarlöften",

    not_found_heading: "Sidan finns inte",
    not_found_text: "Vi hittar ingen sida på den adressen. Den kan ha flyttats, eller så har adressen ett skrivfel.",
    not_found_agreement: "Det finns inget medborgarlöfte med id",
    not_found_kommun: "Det finns ingen kommun som heter",
    not_found_area: "Det finns inget område",
    go_home: "Till sökningen",

    // Issue 19 (the first minute): the Kommun filter's groups.
    kommun_group_with: "Med medborgarlöften",
    kommun_group_rest: "Övriga kommuner",
};

pub static EN: Texts = Texts {
    tagline: "What police and municipality promised for your safety",
    site_description: "What police and municipality promised for your safety: search, read and save the promises, offline too.",
    about_description: "What medborgarlöften are, where the data comes from, how current it is, and the accessibility statement.",
    skip_to_content: "Skip to content",
    nav_label: "Main menu",
    nav_search: "Search",
    nav_kommuner: "Municipalities",
    nav_areas: "Areas",
    nav_saved: "Saved",
    nav_about: "About",
    switch_language: "På svenska",
    footer_not_official: "Medborgarlöften is not a service of the Swedish Police or any municipality. Every promise links to its source.",
    footer_privacy: "Nothing you do here leaves your device.",
    loading: "Loading the promises …",
    load_failed: "The promises could not be loaded.",
    retry: "Try again",

    search_heading: "Search the citizen promises",
    search_label: "Search",
    search_placeholder: "For example Öxnehaga, narkotika or trygghetsvandring",
    filters: "Filters",
    filter_kommun: "Municipality",
    filter_lan: "County",
    filter_tema: "Topic",
    filter_ar: "Year",
    filter_aktor: "Actor",
    all: "All",
    several_chosen: "Several chosen",
    remove_filter: "Remove the filter",
    clear_all: "Clear search and filters",
    ignored_values: "We did not recognise this in the address and ignored it:",
    no_results: "No results.",
    no_results_hint: "Try a shorter word, or widen the search:",
    widen_remove: "Remove",
    show_more: "Show more",
    download: "Download the results",
    download_csv: "Download as CSV",
    download_json: "Download as JSON",
    matches_in_agreement: "Matches in this agreement",
    matched_by_agreement: "The match is in the agreement's description.",
    more_matches: "more matches in this agreement",
    more_match: "more match in this agreement",

    actor_polisen: "Police",
    actor_kommunen: "Municipality",
    actor_gemensamt: "Joint",
    promise: "Promise",
    activity: "Activity",
    promises: "Promises",
    activities: "Activities",
    other_activities: "Activities not tied to a particular promise",
    commitments: "Commitments",
    partners: "Together with",
    frequency: "How often",
    areas: "Areas",
    topics: "Topics",

    status_ongoing: "Ongoing",
    status_ended: "Ended",
    status_upcoming: "Upcoming",
    period: "Period",
    kommun: "Municipality",
    kommuner: "Municipalities",
    lan: "County",
    lokalpolisomrade: "Local police area",
    signed: "Signed",
    date: loften_core::dates::long_en,
    ends: "Ends",
    during: "during",
    next_follow_up: "Next follow-up",
    span_tertial: "tertial",
    span_kvartal: "quarter",
    span_year: "the year",
    span_ending: "ending",
    signatories: "Signed by",
    summary: "Introduction",
    situation: "Situation",
    priorities: "Priorities",
    effect: "What they want to achieve",
    follow_up: "Follow-up",
    cadence_tertial: "Followed up every four months",
    cadence_kvartal: "Followed up every quarter",
    cadence_ar: "Followed up every year",
    reports: "Follow-up reports",
    source: "Source",
    source_file: "The source's text",
    open_data_link: "The whole dataset as open data (JSON)",
    notes: "About the source",
    announcement_heading: "The promises' contents are not in the source",
    announcement_text: "The source announces that the promises were signed. What police and municipality promised is not in it, so only what the source says is shown here.",
    not_stated: "Not stated in the source",

    kommuner_heading: "All municipalities",
    kommuner_intro: "Sweden's 290 municipalities, county by county, with the number of promises found here.",
    none_in_data: "none here yet",
    find_kommun: "Find a municipality",
    no_kommun_found: "No municipality has that name. Try part of the name.",
    kommun_agreements: "Promises over time",
    kommun_none: "There are no promises for this municipality in the dataset yet.",
    kommun_where_to_ask: "Ask the municipality or the local police area about their promises: most municipalities have one. The police answer on 114 14.",
    changes_since_previous: "Compared with the previous one",
    topics_added: "New topics",
    topics_dropped: "Topics dropped",
    no_topic_change: "Same topics as the previous one.",
    first_in_data: "The first in the dataset.",
    kommun_areas: "Areas named",
    search_in_kommun: "Search this municipality's promises",

    areas_heading: "Areas",
    areas_intro: "Places the promises name, municipality by municipality, with every promise and activity about each place.",
    area_mentions: "Promises and activities naming the place",
    area_none: "No promise or activity names this place.",
    area_kind_stadsdel: "District",
    area_kind_ort: "Locality",
    area_kind_centrum: "Town centre",
    area_kind_plats: "Place",

    saved_heading: "Saved",
    save: "Save",
    saved_intro: "What you save stays on this device only. You can add a note of your own to each.",
    saved_empty: "You have not saved anything yet. Press Save next to an agreement, promise or activity and it appears here.",
    saved_missing: "No longer in the dataset",
    saved_missing_text: "These saved items are no longer in the dataset. We keep them so you lose nothing; remove them when you like.",
    note_label: "Your note",
    share_heading: "Share or move",
    share_intro: "Open the link on another device to save the same things there, or save a file.",
    share_link_label: "Link to what you saved",
    copy_link: "Copy the link",
    copied: "The link is copied.",
    export_file: "Save as a file (JSON)",
    import_file: "Load saved items from a file",
    imported: "Loaded from the file, new:",
    import_failed: "The file could not be read as saved promises.",
    shared_heading: "Shared with you",
    shared_intro: "Someone shared these with you. Do you want to save them on this device?",
    save_all: "Save all",
    shared_none: "The link held nothing that is in the dataset.",
    storage_unavailable: "This browser does not let us keep anything on the device (private mode, for example). What you save stays until you close the page, but no longer.",
    storage_full: "Storage on this device is full. Your latest changes stay until you close the page, but are not kept.",
    storage_kept_aside: "What was saved could not be read. We kept a copy aside (the key below) and started afresh.",
    storage_left_alone: "What was saved could not be read and could not be copied aside. We leave it untouched; changes now are not kept.",
    storage_newer: "What was saved comes from a newer version of the app. We kept it aside untouched (the key below) and started afresh.",
    storage_migrated: "Your saved items were moved to the new format.",
    dismiss: "Close",
    kind_agreement: "Agreement",
    text_size: "Text size",
    update_ready: "A new version is available.",
    kiosk_heading: "What have police and municipality promised?",
    kiosk_intro: "See what the police and the municipality promised to do for safety, and how.",
    kiosk_pick: "Choose a municipality",
    kiosk_with_data: "Municipalities with promises here",
    kiosk_warning_title: "Are you still there?",
    kiosk_warning_text: "Nobody has touched the screen for a while. The page will soon start over, and what you did here will be gone.",
    kiosk_seconds: "seconds left",
    kiosk_continue: "Continue",
    kiosk_touch_to_start: "Touch anywhere to start",
    kiosk_to_start: "To the start",
    kiosk_search_all: "Search all promises",
    kiosk_open_agreement: "Read the whole agreement",
    take_away: "Take it to your phone",
    take_away_hint: "Point your phone's camera at the code to open the same page there.",
    qr_label: "QR code for the page",
    close: "Close",
    print_address: "Address",
    open_on_phone: "Open on your phone",
    update_apply: "Update",
    offline: "You are offline. You see what is kept on this device.",
    data_from_copy: "The promises could not be fetched just now, so you see them as they were when last fetched. They may be out of date.",
    version: "Version",
    install_heading: "Install the app",
    install_button: "Install Medborgarlöften",
    install_ios: "On iPhone and iPad: tap the Share button in Safari and choose Add to Home Screen.",
    install_other: "Use the browser's menu and choose Install app or Add to Home screen. The app then works offline too.",
    install_done: "The app is installed on this device.",
    text_size_normal: "Normal",
    text_size_large: "Large",
    text_size_larger: "Larger",
    theme: "Light or dark",
    theme_system: "Like the device",
    theme_light: "Light",
    theme_dark: "Dark",

    about_heading: "About Medborgarlöften",

    not_found_heading: "Page not found",
    not_found_text: "There is no page at this address. It may have moved, or the address has a typo.",
    not_found_agreement: "There is no agreement with the id",
    not_found_kommun: "There is no municipality called",
    not_found_area: "There is no area",
    go_home: "To the search",

    // Issue 19 (the first minute): the Kommun filter's groups.
    kommun_group_with: "With agreements",
    kommun_group_rest: "Other municipalities",
};

impl Texts {
    /// "30 juni 2020", or "under 2027" when only the year is known.
    pub fn ends_text(&self, ends: Ends) -> String {
        match ends {
            Ends::On(day) => (self.date)(day),
            Ends::InYear(year) => format!("{} {year}", self.during),
        }
    }

    /// "tertial 3 2026, som slutar 31 december 2026".
    pub fn span_text(&self, span: CadenceSpan) -> String {
        let which = match span.cadence {
            Cadence::Tertial => format!("{} {} {}", self.span_tertial, span.number, span.year),
            Cadence::Kvartal => format!("{} {} {}", self.span_kvartal, span.number, span.year),
            Cadence::Ar => format!("{} {}", self.span_year, span.year),
        };
        format!(
            "{which}, {} {}",
            self.span_ending,
            (self.date)(span.last_day)
        )
    }

    pub fn status(&self, status: Status) -> &'static str {
        match status {
            Status::Ongoing => self.status_ongoing,
            Status::Ended => self.status_ended,
            Status::Upcoming => self.status_upcoming,
        }
    }

    pub fn actor(&self, actor: loften_core::ActorFilter) -> &'static str {
        match actor {
            loften_core::ActorFilter::Polisen => self.actor_polisen,
            loften_core::ActorFilter::Kommunen => self.actor_kommunen,
            loften_core::ActorFilter::Gemensamt => self.actor_gemensamt,
        }
    }
}

/// "3 medborgarlöften, 12 löften och aktiviteter" for the live region.
pub fn result_summary(lang: Lang, agreements: usize, records: usize) -> String {
    match lang {
        Lang::Sv => {
            let a = if agreements == 1 {
                "medborgarlöfte"
            } else {
                "medborgarlöften"
            };
            if records == 0 {
                format!("{agreements} {a}")
            } else {
                let r = if records == 1 {
                    "träff bland löften och aktiviteter"
                } else {
                    "träffar bland löften och aktiviteter"
                };
                format!("{agreements} {a}, {records} {r}")
            }
        }
        Lang::En => {
            let a = if agreements == 1 {
                "agreement"
            } else {
                "agreements"
            };
            if records == 0 {
                format!("{agreements} {a}")
            } else {
                let r = if records == 1 {
                    "matching promise or activity"
                } else {
                    "matching promises and activities"
                };
                format!("{agreements} {a}, {records} {r}")
            }
        }
    }
}

/// A topic's name in the interface language.
pub fn topic_name(topic: &loften_core::Topic, lang: Lang) -> String {
    match lang {
        Lang::Sv => topic.sv.clone(),
        Lang::En => topic.en.clone(),
    }
}

/// The current language, from context.
pub fn use_lang() -> RwSignal<Lang> {
    expect_context::<RwSignal<Lang>>()
}

/// The current language's words. Read once when a view is built: switching language rebuilds
/// the page (see `app::App`), so the hundreds of labels need not each be reactive.
pub fn use_texts() -> &'static Texts {
    use_lang().get_untracked().texts()
}
