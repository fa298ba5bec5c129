//! The reports' headings and titles, from the server's Fluent files
//! (`server/locales/ru.ftl`, `en.ftl`; ids `report-…`), Russian first, and how figures
//! read in text (dates, times, shares) in each language.

pub use crate::web::texts::Lang;
use chrono::NaiveDate;

/// The text `id` in `lang`.
pub fn t(lang: Lang, id: &str) -> String {
    crate::web::texts::text(lang, id)
}

/// The text `id` in `lang` with its placeables.
pub fn t_with(lang: Lang, id: &str, args: &[(&str, crate::web::texts::Arg<'_>)]) -> String {
    crate::web::texts::text_with(lang, id, args)
}

/// `ru` or `en`, strictly (a report in an unknown language is a bad request).
pub fn parse_lang(raw: &str) -> Option<Lang> {
    Lang::ALL.into_iter().find(|l| l.code() == raw)
}

/// A day as it is written in the language: 01.12.2026 or 2026-12-01.
pub fn date(lang: Lang, day: NaiveDate) -> String {
    match lang {
        Lang::Ru => day.format("%d.%m.%Y").to_string(),
        Lang::En => day.format("%Y-%m-%d").to_string(),
    }
}

/// A span as `h:mm:ss` (hours not wrapped at 24).
pub fn duration(ms: i64) -> String {
    let secs = (ms.max(0) + 500) / 1000;
    format!("{}:{:02}:{:02}", secs / 3600, secs / 60 % 60, secs % 60)
}

/// A number with `decimals` places and the language's decimal mark (ru: a comma).
pub fn decimal(lang: Lang, value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    match lang {
        Lang::Ru => text.replace('.', ","),
        Lang::En => text,
    }
}

/// A share 0..1 as a percentage with one decimal: "93,3 %" / "93.3%".
pub fn percent(lang: Lang, share: f64) -> String {
    let number = decimal(lang, share * 100.0, 1);
    match lang {
        Lang::Ru => format!("{number} %"),
        Lang::En => format!("{number}%"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_read_as_the_language_writes_them() {
        assert_eq!(duration(0), "0:00:00");
        assert_eq!(duration(25 * 3_600_000 + 61_499), "25:01:01");
        assert_eq!(percent(Lang::Ru, 2.0 / 3.0), "66,7 %");
        assert_eq!(percent(Lang::En, 0.5), "50.0%");
        assert_eq!(date(Lang::Ru, "2026-12-01".parse().unwrap()), "01.12.2026");
        assert_eq!(parse_lang("en"), Some(Lang::En));
        assert_eq!(parse_lang("de"), None);
    }
}
