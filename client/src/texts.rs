//! Every text the apps show or print, by id, from one Fluent file per language:
//! `client/locales/ru.ftl` (the first language) and `client/locales/en.ftl`, embedded in
//! the binary. A translator edits those files without reading Rust; Fluent's selectors
//! give Russian its plural forms ("1 человек", "2 человека", "5 человек").
//!
//! Ids start with the app that shows the text (`kiosk-`, `display-`, `desk-`) or with
//! `common-` when several apps share it, and appear in the code only as whole string
//! literals, so that [`check_sources`] finds every id an app uses.
//!
//! A missing id is never silent: each app's unit tests check that every id its sources
//! use exists in every language, and the tests here that the files have the same ids. At
//! run time a text missing in a language is taken from Russian, then the id itself is
//! shown, and the gap is logged once.

use crate::Lang;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use fluent_syntax::ast;
use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

/// A value for a placeable such as `{ $count }`: a number (`5.into()`, also what plural
/// selectors choose by) or a string (`"А015".into()`).
pub use fluent_bundle::FluentValue as Arg;

/// What every id starts with, followed by `-`.
pub const ID_PREFIXES: [&str; 4] = ["common", "kiosk", "display", "desk"];

/// The Fluent source of a language's texts, as embedded in the binary.
pub fn source(lang: Lang) -> &'static str {
    match lang {
        Lang::Ru => include_str!("../locales/ru.ftl"),
        Lang::En => include_str!("../locales/en.ftl"),
    }
}

/// The text `id` in `lang`.
pub fn text(lang: Lang, id: &str) -> String {
    catalog().text(lang, id, &[])
}

/// The text `id` in `lang` with its placeables filled in, e.g.
/// `text_with(lang, "kiosk-people-ahead", &[("people", 2.into())])`.
pub fn text_with(lang: Lang, id: &str, args: &[(&str, Arg<'_>)]) -> String {
    catalog().text(lang, id, args)
}

/// A duration in whole minutes, rounded up, with the short unit ("5 мин", "5 min"); zero
/// or less is "0 мин".
pub fn minutes(lang: Lang, ms: i64) -> String {
    text_with(
        lang,
        "common-minutes",
        &[("minutes", whole_minutes(ms).into())],
    )
}

/// A forecast's range in whole minutes, when it says more than "under a minute".
pub fn shown_range(range: Option<&talon_protocol::forecast::WaitRange>) -> Option<(i64, i64)> {
    range.map(|r| r.minutes()).filter(|(_, high)| *high > 1)
}

/// "≈ 8–14 мин" for a forecast, else "15 мин" for a single estimate.
pub fn wait(lang: Lang, ms: i64, range: Option<&talon_protocol::forecast::WaitRange>) -> String {
    match shown_range(range) {
        Some((low, high)) => text_with(
            lang,
            "common-wait-range",
            &[("low", low.into()), ("high", high.into())],
        ),
        None => minutes(lang, ms),
    }
}

/// Milliseconds as whole minutes, rounded up; 0 for zero or less.
pub fn whole_minutes(ms: i64) -> i64 {
    if ms <= 0 { 0 } else { (ms + 59_999) / 60_000 }
}

/// The ids a language's file defines.
pub fn ids(lang: Lang) -> BTreeSet<String> {
    defined_ids(source(lang))
}

/// Checks the Rust sources under `dir`: every string literal that looks like a text id
/// (`kiosk-…`, `display-…`, `desk-…`, `common-…`) must exist in every language. Returns
/// one line per gap ("src/ui/home.rs:12: \"kiosk-x\" is missing from en.ftl").
pub fn check_sources(dir: &Path) -> Vec<String> {
    let defined: Vec<(Lang, BTreeSet<String>)> =
        Lang::ALL.iter().map(|lang| (*lang, ids(*lang))).collect();
    let mut problems = Vec::new();
    for file in rust_files(dir) {
        let Ok(code) = std::fs::read_to_string(&file) else {
            problems.push(format!("{}: unreadable", file.display()));
            continue;
        };
        for (line, literal) in string_literals(&code) {
            if !looks_like_id(&literal) {
                continue;
            }
            for (lang, ids) in &defined {
                if !ids.contains(&literal) {
                    problems.push(format!(
                        "{}:{line}: {literal:?} is missing from {}.ftl",
                        file.display(),
                        lang.code()
                    ));
                }
            }
        }
    }
    problems
}

/// For an app's unit test: the crate at `manifest_dir` (its `env!("CARGO_MANIFEST_DIR")`)
/// uses text ids, and every one of them exists in every language.
#[track_caller]
pub fn assert_every_text_exists(manifest_dir: &str) {
    let sources = Path::new(manifest_dir).join("src");
    let problems = check_sources(&sources);
    assert!(problems.is_empty(), "{problems:#?}");
    assert!(
        !ids_used_in(&sources).is_empty(),
        "no text ids found under {}",
        sources.display()
    );
}

/// The text ids the Rust sources under `dir` use.
pub fn ids_used_in(dir: &Path) -> BTreeSet<String> {
    rust_files(dir)
        .iter()
        .filter_map(|file| std::fs::read_to_string(file).ok())
        .flat_map(|code| string_literals(&code))
        .map(|(_, literal)| literal)
        .filter(|literal| looks_like_id(literal))
        .collect()
}

/// Whether a string literal is meant as a text id.
pub fn looks_like_id(literal: &str) -> bool {
    let Some((prefix, rest)) = literal.split_once('-') else {
        return false;
    };
    ID_PREFIXES.contains(&prefix)
        && !rest.is_empty()
        && !rest.ends_with('-')
        && rest
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        let sources: Vec<(Lang, &str)> = Lang::ALL
            .iter()
            .map(|lang| (*lang, source(*lang)))
            .collect();
        Catalog::new(&sources)
    })
}

/// One Fluent bundle per language, and the gaps already logged.
struct Catalog {
    bundles: Vec<(Lang, FluentBundle<FluentResource>)>,
    reported: Mutex<HashSet<String>>,
}

impl Catalog {
    /// Loads the sources; a broken entry is logged and skipped (the tests keep the
    /// shipped files clean), the rest of its file still loads.
    fn new(sources: &[(Lang, &str)]) -> Catalog {
        let bundles = sources
            .iter()
            .map(|(lang, source)| {
                let resource = match FluentResource::try_new(source.to_string()) {
                    Ok(resource) => resource,
                    Err((resource, errors)) => {
                        tracing::error!(
                            lang = lang.code(),
                            ?errors,
                            "texts: broken Fluent entries skipped"
                        );
                        resource
                    }
                };
                let locale = lang
                    .code()
                    .parse()
                    .expect("a language code is a valid locale");
                let mut bundle = FluentBundle::new_concurrent(vec![locale]);
                // No Unicode isolation marks (U+2068, U+2069) around placeables: the
                // bundled font has no glyphs for them and ESC/POS printers cannot print
                // them; every text here runs left to right.
                bundle.set_use_isolating(false);
                if let Err(errors) = bundle.add_resource(resource) {
                    tracing::error!(lang = lang.code(), ?errors, "texts: duplicate ids ignored");
                }
                (*lang, bundle)
            })
            .collect();
        Catalog {
            bundles,
            reported: Mutex::default(),
        }
    }

    fn text(&self, lang: Lang, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let args = (!args.is_empty()).then(|| {
            let mut fluent = FluentArgs::new();
            for (name, value) in args {
                fluent.set(*name, value.clone());
            }
            fluent
        });
        if let Some(text) = self.format(lang, id, args.as_ref()) {
            return text;
        }
        let first = Lang::ALL[0];
        if lang != first
            && let Some(text) = self.format(first, id, args.as_ref())
        {
            self.report_once(format!("{}:{id}", lang.code()), || {
                tracing::warn!(
                    id,
                    lang = lang.code(),
                    "text missing in this language; shown in Russian"
                )
            });
            return text;
        }
        self.report_once(format!("*:{id}"), || {
            tracing::error!(id, "text missing in every language; its id is shown")
        });
        id.to_string()
    }

    /// The formatted text, or `None` when the language has no such message.
    fn format(&self, lang: Lang, id: &str, args: Option<&FluentArgs>) -> Option<String> {
        let (_, bundle) = self.bundles.iter().find(|(l, _)| *l == lang)?;
        let pattern = bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            // A placeable without its argument shows as "{$name}": still readable.
            self.report_once(format!("{}:{id}:format", lang.code()), || {
                tracing::warn!(
                    id,
                    lang = lang.code(),
                    ?errors,
                    "text formatted with errors"
                )
            });
        }
        Some(text.into_owned())
    }

    /// Runs `log` the first time `key` is seen: a missing text is drawn every frame.
    fn report_once(&self, key: String, log: impl FnOnce()) {
        let first = self
            .reported
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .insert(key);
        if first {
            log();
        }
    }

    #[cfg(test)]
    fn reported(&self) -> usize {
        self.reported.lock().unwrap().len()
    }
}

/// The ids of the messages a Fluent source defines (terms, `-name`, are not texts).
fn defined_ids(source: &str) -> BTreeSet<String> {
    let resource = match FluentResource::try_new(source.to_string()) {
        Ok(resource) | Err((resource, _)) => resource,
    };
    resource
        .entries()
        .filter_map(|entry| match entry {
            ast::Entry::Message(message) => Some(message.id.name.to_string()),
            _ => None,
        })
        .collect()
}

/// The `.rs` files under `dir`, in a stable order.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// The string literals of Rust source with the line each starts on (escapes kept as
/// written: ids have none). Comments, char literals and lifetimes are skipped.
fn string_literals(code: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = code.chars().collect();
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    let mut literals = Vec::new();
    let mut line = 1;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        match c {
            '\n' => {
                line += 1;
                i += 1;
            }
            '/' if next == Some('/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '/' if next == Some('*') => {
                let mut depth = 0;
                while i < chars.len() {
                    if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                        depth += 1;
                        i += 2;
                    } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        line += usize::from(chars[i] == '\n');
                        i += 1;
                    }
                }
            }
            '"' => {
                let start = line;
                let mut literal = String::new();
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    if chars[i] == '\\' {
                        literal.push('\\');
                        i += 1;
                    }
                    if let Some(&c) = chars.get(i) {
                        line += usize::from(c == '\n');
                        literal.push(c);
                    }
                    i += 1;
                }
                i += 1;
                literals.push((start, literal));
            }
            'r' if matches!(next, Some('"' | '#'))
                && (i == 0
                    || !is_ident(chars[i - 1])
                    || (chars[i - 1] == 'b' && (i == 1 || !is_ident(chars[i - 2])))) =>
            {
                let mut j = i + 1;
                let mut hashes = 0;
                while chars.get(j) == Some(&'#') {
                    hashes += 1;
                    j += 1;
                }
                if chars.get(j) != Some(&'"') {
                    // `r#ident`, a raw identifier.
                    i = j;
                    continue;
                }
                let start = line;
                let mut literal = String::new();
                j += 1;
                while j < chars.len() {
                    if chars[j] == '"' && (1..=hashes).all(|k| chars.get(j + k) == Some(&'#')) {
                        break;
                    }
                    line += usize::from(chars[j] == '\n');
                    literal.push(chars[j]);
                    j += 1;
                }
                i = j + 1 + hashes;
                literals.push((start, literal));
            }
            '\'' => {
                if next == Some('\\') {
                    // An escaped char literal: '\n', '\'', '\u{2192}'.
                    i += 3;
                    while i < chars.len() && chars[i] != '\'' {
                        i += 1;
                    }
                    i += 1;
                } else if chars.get(i + 2) == Some(&'\'') {
                    i += 3;
                } else {
                    // A lifetime.
                    i += 1;
                }
            }
            _ => i += 1,
        }
    }
    literals
}

#[cfg(test)]
mod tests {
    use super::*;

    fn workspace_dir(name: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(name)
    }

    #[test]
    fn the_files_parse_and_have_the_same_ids() {
        for lang in Lang::ALL {
            if let Err((_, errors)) = FluentResource::try_new(source(lang).to_string()) {
                panic!("{}.ftl does not parse: {errors:?}", lang.code());
            }
        }
        let first = ids(Lang::ALL[0]);
        assert!(first.len() > 100, "{} texts only", first.len());
        for lang in Lang::ALL {
            let these = ids(lang);
            let missing: Vec<_> = first.difference(&these).collect();
            let extra: Vec<_> = these.difference(&first).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{}.ftl lacks {missing:?} and has only it {extra:?}",
                lang.code()
            );
            for id in &these {
                assert!(
                    looks_like_id(id),
                    "{}.ftl: {id:?} needs a prefix",
                    lang.code()
                );
            }
        }
    }

    #[test]
    fn every_text_formats_without_errors_or_isolation_marks() {
        let catalog = catalog();
        for lang in Lang::ALL {
            for id in ids(lang) {
                let (_, bundle) = catalog.bundles.iter().find(|(l, _)| *l == lang).unwrap();
                let pattern = bundle.get_message(&id).unwrap().value().unwrap();
                // Every variable the message, and the messages it uses, asks for.
                let mut found = References::default();
                found.pattern(pattern);
                let mut seen = BTreeSet::new();
                while let Some(next) = found.messages.difference(&seen).next().cloned() {
                    seen.insert(next.clone());
                    if let Some(used) = bundle.get_message(&next).and_then(|m| m.value()) {
                        found.pattern(used);
                    }
                }
                let mut fluent = FluentArgs::new();
                for name in &found.variables {
                    fluent.set(name.clone(), 2);
                }
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, Some(&fluent), &mut errors);
                assert!(errors.is_empty(), "{}: {id}: {errors:?}", lang.code());
                assert!(
                    !text.contains(['\u{2068}', '\u{2069}']),
                    "{}: {id} has isolation marks",
                    lang.code()
                );
                assert!(!text.trim().is_empty(), "{}: {id} is empty", lang.code());
            }
        }
    }

    #[test]
    fn the_apps_use_every_text_and_only_texts_that_exist() {
        // The client's own sources hold made-up ids in these tests: they only count
        // as uses; the apps' sources must name only ids that exist.
        let mut used = ids_used_in(&workspace_dir("client/src"));
        for dir in ["kiosk/src", "display/src", "agent-desk/src"] {
            let dir = workspace_dir(dir);
            let problems = check_sources(&dir);
            assert!(problems.is_empty(), "{problems:#?}");
            used.extend(ids_used_in(&dir));
        }
        // Messages that other messages use count as used.
        let resource = FluentResource::try_new(source(Lang::Ru).to_string()).unwrap();
        let mut found = References::default();
        for entry in resource.entries() {
            if let ast::Entry::Message(message) = entry
                && let Some(value) = &message.value
            {
                found.pattern(value);
            }
        }
        used.extend(found.messages);
        let unused: Vec<_> = ids(Lang::Ru).difference(&used).cloned().collect();
        assert!(unused.is_empty(), "texts no app uses: {unused:?}");
    }

    /// The messages and variables a pattern refers to.
    #[derive(Default)]
    struct References {
        messages: BTreeSet<String>,
        variables: BTreeSet<String>,
    }

    impl References {
        fn pattern(&mut self, pattern: &ast::Pattern<&str>) {
            for element in &pattern.elements {
                if let ast::PatternElement::Placeable { expression } = element {
                    self.expression(expression);
                }
            }
        }

        fn expression(&mut self, expression: &ast::Expression<&str>) {
            match expression {
                ast::Expression::Inline(inline) => self.inline(inline),
                ast::Expression::Select { selector, variants } => {
                    self.inline(selector);
                    for variant in variants {
                        self.pattern(&variant.value);
                    }
                }
            }
        }

        fn inline(&mut self, inline: &ast::InlineExpression<&str>) {
            match inline {
                ast::InlineExpression::MessageReference { id, .. } => {
                    self.messages.insert(id.name.to_string());
                }
                ast::InlineExpression::VariableReference { id } => {
                    self.variables.insert(id.name.to_string());
                }
                ast::InlineExpression::Placeable { expression } => self.expression(expression),
                _ => {}
            }
        }
    }

    #[test]
    fn russian_counts_take_their_plural_forms() {
        let people = |n: u32| text_with(Lang::Ru, "kiosk-people-ahead", &[("people", n.into())]);
        assert_eq!(people(1), "Перед вами: 1 человек");
        assert_eq!(people(2), "Перед вами: 2 человека");
        assert_eq!(people(5), "Перед вами: 5 человек");
        assert_eq!(people(11), "Перед вами: 11 человек");
        assert_eq!(people(21), "Перед вами: 21 человек");
        assert_eq!(people(24), "Перед вами: 24 человека");
        assert_eq!(people(0), "Перед вами: 0 человек");
        let english = |n: u32| text_with(Lang::En, "kiosk-people-ahead", &[("people", n.into())]);
        assert_eq!(english(1), "Ahead of you: 1 person");
        assert_eq!(english(2), "Ahead of you: 2 people");
        // "около" asks for the genitive: одной минуты, пяти минут.
        let wait = |n: i64| text_with(Lang::Ru, "kiosk-estimated-wait", &[("minutes", n.into())]);
        assert_eq!(wait(1), "Ожидание: около 1 минуты");
        assert_eq!(wait(3), "Ожидание: около 3 минут");
        assert_eq!(wait(14), "Ожидание: около 14 минут");
        assert_eq!(wait(21), "Ожидание: около 21 минуты");
        assert_eq!(wait(0), "Ожидание: меньше минуты");
        let load = |people: u32, minutes: i64| {
            text_with(
                Lang::Ru,
                "kiosk-topic-load",
                &[("people", people.into()), ("minutes", minutes.into())],
            )
        };
        assert_eq!(load(3, 15), "Ожидают: 3 человека · около 15 минут");
        assert_eq!(load(0, 0), "Ожидают: 0 человек · без ожидания");
    }

    #[test]
    fn minutes_round_up() {
        assert_eq!(minutes(Lang::Ru, 0), "0 мин");
        assert_eq!(minutes(Lang::Ru, 1), "1 мин");
        assert_eq!(minutes(Lang::En, 60_000), "1 min");
        assert_eq!(minutes(Lang::En, 60_001), "2 min");
    }

    #[test]
    fn placeables_carry_no_isolation_marks() {
        let text = text_with(
            Lang::Ru,
            "display-call-to-window",
            &[("ticket", "А015".into()), ("window", "3".into())],
        );
        assert_eq!(text, "А015 → окно 3");
    }

    #[test]
    fn the_language_names_itself() {
        assert_eq!(text(Lang::Ru, "common-language-name"), "Русский");
        assert_eq!(text(Lang::En, "common-language-name"), "English");
    }

    #[test]
    fn the_paused_notice_is_the_standards_wording() {
        // LNA-0009-4 §5.4.9.1 prescribes the Russian text word for word.
        assert_eq!(
            text(Lang::Ru, "common-paused-notice"),
            talon_protocol::window::PAUSED_NOTICE_RU
        );
    }

    #[test]
    fn a_missing_text_falls_back_to_russian_then_to_its_id_and_is_logged_once() {
        let catalog = Catalog::new(&[
            (
                Lang::Ru,
                "common-only-russian = Только по-русски\ncommon-both = Оба\n",
            ),
            (Lang::En, "common-both = Both\n"),
        ]);
        assert_eq!(catalog.text(Lang::En, "common-both", &[]), "Both");
        assert_eq!(catalog.reported(), 0);
        for _ in 0..3 {
            assert_eq!(
                catalog.text(Lang::En, "common-only-russian", &[]),
                "Только по-русски"
            );
        }
        assert_eq!(catalog.reported(), 1);
        for _ in 0..3 {
            assert_eq!(
                catalog.text(Lang::En, "common-nowhere", &[]),
                "common-nowhere"
            );
            assert_eq!(
                catalog.text(Lang::Ru, "common-nowhere", &[]),
                "common-nowhere"
            );
        }
        assert_eq!(catalog.reported(), 2);
    }

    #[test]
    fn a_broken_entry_does_not_take_its_file_down() {
        let catalog = Catalog::new(&[(Lang::Ru, "common-good = Хорошо\ncommon-bad = {\n")]);
        assert_eq!(catalog.text(Lang::Ru, "common-good", &[]), "Хорошо");
        assert_eq!(catalog.text(Lang::Ru, "common-bad", &[]), "common-bad");
    }

    #[test]
    fn string_literals_are_found_outside_comments_and_chars() {
        let code = r####"
            // text(lang, "kiosk-in-a-comment")
            /* "kiosk-in-a-block" /* nested */ */
            let a = text(lang, "kiosk-one");
            let b: &'static str = "kiosk-two\"x";
            let c = '"'; let d = '\''; let e = r#"kiosk-"raw"#;
            let f = "line
            break";
            let g = "kiosk-after";
        "####;
        let found = string_literals(code);
        let texts: Vec<&str> = found.iter().map(|(_, s)| s.as_str()).collect();
        assert_eq!(
            texts,
            [
                "kiosk-one",
                "kiosk-two\\\"x",
                "kiosk-\"raw",
                "line\n            break",
                "kiosk-after"
            ]
        );
        assert_eq!(found[0].0, 4);
        assert_eq!(found[4].0, 9);
        assert!(looks_like_id("kiosk-one"));
        assert!(looks_like_id("desk-act-call-next"));
        assert!(!looks_like_id("kiosk-"));
        assert!(!looks_like_id("talon-kiosk"));
        assert!(!looks_like_id("kiosk-Two"));
        assert!(!looks_like_id("desk-a b"));
    }
}
