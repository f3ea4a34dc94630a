//! Kiosk mode at medborgardialoger: its settings from the URL, and when an unattended session
//! warns and resets.
//!
//! WCAG 2.2.1 (timing adjustable): before the reset the visitor is warned, with at least 20
//! seconds and one simple action ("Fortsätt") to continue.

use crate::dataset::Dataset;

/// Default idle time before the warning, in seconds.
pub const DEFAULT_IDLE_SECONDS: u32 = 90;
/// Shortest idle time accepted from `?idle=`: a visitor needs time to read.
pub const MIN_IDLE_SECONDS: u32 = 15;
/// Longest idle time accepted (an hour).
pub const MAX_IDLE_SECONDS: u32 = 3600;
/// How long the warning counts down before the reset: more than WCAG's 20 seconds.
pub const WARNING_SECONDS: u32 = 30;

/// A kiosk's settings: `/kiosk?kommun=jonkoping&idle=120`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KioskConfig {
    /// The kommun (slug) of the meeting, whose promises the kiosk opens on.
    pub kommun: Option<String>,
    pub idle_seconds: u32,
}

impl Default for KioskConfig {
    fn default() -> Self {
        KioskConfig {
            kommun: None,
            idle_seconds: DEFAULT_IDLE_SECONDS,
        }
    }
}

impl KioskConfig {
    /// Read the settings; unknown kommuner and idle times out of range fall back to the
    /// defaults (a kiosk must start whatever its operator typed).
    pub fn from_pairs<K: AsRef<str>, V: AsRef<str>>(
        pairs: impl IntoIterator<Item = (K, V)>,
        data: &Dataset,
    ) -> KioskConfig {
        let mut config = KioskConfig::default();
        for (key, value) in pairs {
            match key.as_ref() {
                "kommun" => {
                    config.kommun = data
                        .kommun_by_slug(value.as_ref().trim())
                        .map(|k| k.slug.clone())
                }
                "idle" => {
                    if let Ok(seconds) = value.as_ref().trim().parse::<u32>() {
                        config.idle_seconds = seconds.clamp(MIN_IDLE_SECONDS, MAX_IDLE_SECONDS);
                    }
                }
                _ => {}
            }
        }
        config
    }
}

/// Where an unattended session stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdlePhase {
    /// Someone is using it.
    Active,
    /// Nobody has touched it for the idle time: warn, with this many seconds left.
    Warning { seconds_left: u32 },
    /// The warning ran out: start again.
    Reset,
}

/// The phase `now_ms` milliseconds into a session last touched at `last_touch_ms`.
pub fn idle_phase(now_ms: f64, last_touch_ms: f64, idle_seconds: u32) -> IdlePhase {
    let idle_ms = f64::from(idle_seconds) * 1000.0;
    let warning_ms = f64::from(WARNING_SECONDS) * 1000.0;
    let quiet = (now_ms - last_touch_ms).max(0.0);
    if quiet < idle_ms {
        IdlePhase::Active
    } else if quiet < idle_ms + warning_ms {
        IdlePhase::Warning {
            seconds_left: ((idle_ms + warning_ms - quiet) / 1000.0).ceil() as u32,
        }
    } else {
        IdlePhase::Reset
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phases_follow_the_clock() {
        assert_eq!(idle_phase(0.0, 0.0, 90), IdlePhase::Active);
        assert_eq!(idle_phase(89_999.0, 0.0, 90), IdlePhase::Active);
        assert_eq!(
            idle_phase(90_000.0, 0.0, 90),
            IdlePhase::Warning { seconds_left: 30 }
        );
        assert_eq!(
            idle_phase(90_001.0, 0.0, 90),
            IdlePhase::Warning { seconds_left: 30 }
        );
        assert_eq!(
            idle_phase(119_500.0, 0.0, 90),
            IdlePhase::Warning { seconds_left: 1 }
        );
        assert_eq!(idle_phase(120_000.0, 0.0, 90), IdlePhase::Reset);
        // A touch starts the count again.
        assert_eq!(idle_phase(150_000.0, 100_000.0, 90), IdlePhase::Active);
        // A clock that goes backwards is not a reason to reset.
        assert_eq!(idle_phase(0.0, 5_000.0, 90), IdlePhase::Active);
    }

    #[test]
    fn the_warning_gives_at_least_twenty_seconds() {
        const { assert!(WARNING_SECONDS >= 20) };
        let first_warning = idle_phase(f64::from(MIN_IDLE_SECONDS) * 1000.0, 0.0, MIN_IDLE_SECONDS);
        assert_eq!(
            first_warning,
            IdlePhase::Warning {
                seconds_left: WARNING_SECONDS
            }
        );
    }

    #[test]
    fn settings_from_the_url_with_safe_fallbacks() {
        let mut data = Dataset::default();
        let mut problems = Vec::new();
        data.kommuner = crate::dataset::parse_kommuner(
            "h\n0680,Jönköpings kommun,Jönköping,06\n",
            &mut problems,
        );
        let parse = |q: &str| KioskConfig::from_pairs(crate::url::parse_query(q), &data);
        assert_eq!(
            parse("kommun=jonkoping&idle=120"),
            KioskConfig {
                kommun: Some("jonkoping".into()),
                idle_seconds: 120
            }
        );
        assert_eq!(parse("kommun=atlantis&idle=abc"), KioskConfig::default());
        assert_eq!(parse("idle=1").idle_seconds, MIN_IDLE_SECONDS);
        assert_eq!(parse("idle=999999").idle_seconds, MAX_IDLE_SECONDS);
        // The start a reset returns to keeps the settings.
        let start = |config: KioskConfig| crate::route::Route::Kiosk(config).href();
        assert_eq!(
            start(parse("kommun=jonkoping&idle=120")),
            "/kiosk?kommun=jonkoping&idle=120"
        );
        assert_eq!(start(KioskConfig::default()), "/kiosk");
    }
}
