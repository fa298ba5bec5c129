//! The languages of every screen: Russian first, English second. This is the one language
//! type of all the apps, also their `--lang` flag (`ru`, `en`) and the `lang = "ru"` of a
//! configuration file. The words themselves are in `locales/*.ftl` (see [`crate::texts`]).

use serde::{Deserialize, Serialize};

/// A language the apps speak. Adding one: a `locales/<code>.ftl` file with the same ids,
/// a variant here, its code in [`Lang::code`] and its place in [`Lang::ALL`]; the
/// texts' unit tests then say which ids the new file still lacks.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Ru,
    En,
}

impl Lang {
    /// Every language, the first one (Russian) first: the fallback for a missing text.
    pub const ALL: [Lang; 2] = [Lang::Ru, Lang::En];

    /// The next language of [`Lang::ALL`], round again after the last: what a language
    /// button switches to.
    pub fn next(self) -> Lang {
        let at = Lang::ALL.iter().position(|l| *l == self).unwrap_or(0);
        Lang::ALL[(at + 1) % Lang::ALL.len()]
    }

    /// "ru" / "en": the file name of the language's texts, and the key of topic names.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }

    /// Minutes and seconds, for live timers ("12:05"): digits only, the same in every
    /// language.
    pub fn clock_duration(ms: i64) -> String {
        let secs = ms.max(0) / 1000;
        format!("{}:{:02}", secs / 60, secs % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::ValueEnum;

    #[test]
    fn the_next_language_goes_round() {
        assert_eq!(Lang::Ru.next(), Lang::En);
        assert_eq!(Lang::En.next(), Lang::Ru);
        assert_eq!(Lang::ALL[0], Lang::default());
    }

    #[test]
    fn flags_and_files_name_languages_by_code() {
        for lang in Lang::ALL {
            let flag = lang
                .to_possible_value()
                .expect("every language is a flag value");
            assert_eq!(flag.get_name(), lang.code());
            let json = serde_json::to_string(&lang).unwrap();
            assert_eq!(json, format!("\"{}\"", lang.code()));
            assert_eq!(serde_json::from_str::<Lang>(&json).unwrap(), lang);
        }
        assert_eq!(Lang::from_str("en", true), Ok(Lang::En));
    }

    #[test]
    fn clock_durations() {
        assert_eq!(Lang::clock_duration(725_000), "12:05");
        assert_eq!(Lang::clock_duration(-5), "0:00");
    }
}
