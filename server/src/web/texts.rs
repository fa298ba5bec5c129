//! The visitor pages' texts, by id, from one Fluent file per language:
//! `server/locales/ru.ftl` (the first language) and `server/locales/en.ftl`, embedded in
//! the binary, the same way the apps keep theirs (`client/locales`). Ids start with
//! `web-` and appear in the code only as whole string literals, so the tests below find
//! every id the pages use and check it exists in both languages.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use std::sync::OnceLock;

pub use fluent_bundle::FluentValue as Arg;

/// The languages of the visitor pages; Russian first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Ru,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Ru, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }

    /// `?lang=en` picks English; anything else, or nothing, is Russian.
    pub fn from_query(lang: Option<&str>) -> Lang {
        match lang.map(str::trim) {
            Some(l) if l.eq_ignore_ascii_case("en") => Lang::En,
            _ => Lang::Ru,
        }
    }

    /// The other language (the page's switch link).
    pub fn other(self) -> Lang {
        match self {
            Lang::Ru => Lang::En,
            Lang::En => Lang::Ru,
        }
    }

    fn source(self) -> &'static str {
        match self {
            Lang::Ru => include_str!("../../locales/ru.ftl"),
            Lang::En => include_str!("../../locales/en.ftl"),
        }
    }
}

fn bundles() -> &'static [(Lang, FluentBundle<FluentResource>)] {
    static BUNDLES: OnceLock<Vec<(Lang, FluentBundle<FluentResource>)>> = OnceLock::new();
    BUNDLES.get_or_init(|| {
        Lang::ALL
            .iter()
            .map(|&lang| {
                let resource = FluentResource::try_new(lang.source().to_string()).unwrap_or_else(
                    |(resource, errors)| {
                        tracing::error!(
                            lang = lang.code(),
                            ?errors,
                            "web texts: broken entries skipped"
                        );
                        resource
                    },
                );
                let locale = lang.code().parse().expect("a valid locale");
                let mut bundle = FluentBundle::new_concurrent(vec![locale]);
                // Plain text: no Unicode isolation marks around placeables.
                bundle.set_use_isolating(false);
                if let Err(errors) = bundle.add_resource(resource) {
                    tracing::error!(lang = lang.code(), ?errors, "web texts: duplicate ids");
                }
                (lang, bundle)
            })
            .collect()
    })
}

/// The text `id` in `lang`.
pub fn text(lang: Lang, id: &str) -> String {
    text_with(lang, id, &[])
}

/// The text `id` in `lang` with its placeables filled in. A text missing in a language
/// is taken from Russian, then the id itself is shown (the tests keep both complete).
pub fn text_with(lang: Lang, id: &str, args: &[(&str, Arg<'_>)]) -> String {
    let mut fluent = FluentArgs::new();
    for (name, value) in args {
        fluent.set(*name, value.clone());
    }
    for lang in [lang, Lang::Ru] {
        let Some((_, bundle)) = bundles().iter().find(|(l, _)| *l == lang) else {
            continue;
        };
        if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, Some(&fluent), &mut errors);
            if !errors.is_empty() {
                tracing::warn!(
                    id,
                    lang = lang.code(),
                    ?errors,
                    "web text formatted with errors"
                );
            }
            return text.into_owned();
        }
    }
    tracing::error!(id, "web text missing in every language");
    id.to_string()
}

/// Milliseconds as whole minutes, rounded up; 0 for zero or less.
pub fn whole_minutes(ms: i64) -> i64 {
    if ms <= 0 { 0 } else { (ms + 59_999) / 60_000 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn ids(lang: Lang) -> BTreeSet<String> {
        let resource = FluentResource::try_new(lang.source().to_string())
            .unwrap_or_else(|(_, errors)| panic!("{}.ftl does not parse: {errors:?}", lang.code()));
        resource
            .entries()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                _ => None,
            })
            // The pages' own texts (the reports' `report-` texts are checked there).
            .filter(|id| id.starts_with("web-"))
            .collect()
    }

    /// Every `"web-…"` string literal of the web module's sources.
    fn used_ids() -> BTreeSet<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/web");
        let mut used = BTreeSet::new();
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let code = std::fs::read_to_string(&path).unwrap();
            // Every `"web-…"` (quotes included) wherever it stands: in strings, raw
            // strings and macros alike.
            for (at, _) in code.match_indices("\"web-") {
                let rest = &code[at + 1..];
                let id: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')
                    .collect();
                if rest[id.len()..].starts_with('"') && !id.ends_with('-') {
                    used.insert(id);
                }
            }
        }
        used
    }

    #[test]
    fn both_files_have_the_same_ids_and_every_id_the_pages_use() {
        let ru = ids(Lang::Ru);
        let en = ids(Lang::En);
        assert!(ru.len() > 40, "{} texts only", ru.len());
        assert_eq!(
            ru.symmetric_difference(&en).collect::<Vec<_>>(),
            Vec::<&String>::new(),
            "ru.ftl and en.ftl must define the same ids"
        );
        let used = used_ids();
        let missing: Vec<_> = used.difference(&ru).collect();
        assert!(missing.is_empty(), "used but not defined: {missing:?}");
        // Ids built at run time (the five rating levels, the weekdays) count as used.
        let mut used = used;
        used.extend((1..=5).map(|n| format!("web-rate-{n}")));
        used.extend((1..=7).map(|n| format!("web-weekday-{n}")));
        let unused: Vec<_> = ru.difference(&used).collect();
        assert!(
            unused.is_empty(),
            "defined but no page uses them: {unused:?}"
        );
    }

    #[test]
    fn every_text_formats_and_russian_counts_take_their_plural_forms() {
        for lang in Lang::ALL {
            for id in ids(lang) {
                let args = [
                    ("people", 2.into()),
                    ("minutes", 2.into()),
                    ("ticket", "А015".into()),
                    ("office", "Офис".into()),
                    ("window", "3".into()),
                    ("time", "10:45".into()),
                    ("topic", "Договоры".into()),
                    ("reason", "x".into()),
                    ("open", "08:00".into()),
                    ("close", "17:00".into()),
                    ("start", "12:00".into()),
                    ("end", "12:45".into()),
                    ("windows", 3.into()),
                    ("date", "понедельник, 23 ноября".into()),
                    ("from", "10:30".into()),
                    ("until", "11:15".into()),
                    ("count", 2.into()),
                    ("day", 23.into()),
                    ("month", 11.into()),
                    ("low", 8.into()),
                    ("high", 14.into()),
                ];
                let text = text_with(lang, &id, &args);
                assert!(
                    !text.trim().is_empty() && !text.contains('{'),
                    "{}: {id}: {text}",
                    lang.code()
                );
            }
        }
        let people = |n: u32| text_with(Lang::Ru, "web-people", &[("people", n.into())]);
        assert_eq!(people(1), "1 человек");
        assert_eq!(people(3), "3 человека");
        assert_eq!(people(5), "5 человек");
        let wait = |n: i64| text_with(Lang::Ru, "web-about-minutes", &[("minutes", n.into())]);
        assert_eq!(wait(0), "меньше минуты");
        assert_eq!(wait(21), "около 21 минуты");
        let range = |low: i64, high: i64| {
            text_with(
                Lang::Ru,
                "web-wait-range",
                &[("low", low.into()), ("high", high.into())],
            )
        };
        assert_eq!(range(8, 14), "от 8 до 14 минут");
        assert_eq!(range(15, 21), "от 15 до 21 минуты");
        assert_eq!(wait(14), "около 14 минут");
        assert_eq!(
            text_with(Lang::En, "web-people", &[("people", 1.into())]),
            "1 person"
        );
        assert_eq!(whole_minutes(60_001), 2);
    }
}
