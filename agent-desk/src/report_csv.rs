//! Statistics as CSV, for the office head's spreadsheets.
//!
//! The file has three blocks separated by an empty line: the period; one row for the
//! whole office, one per topic and one per agent with the same columns; the average
//! wait of each calendar month against its limit. Comma-separated, UTF-8, RFC 4180
//! quoting; times in minutes with one decimal, shares in percent with one decimal,
//! average ratings (5 отлично … 1 очень плохо) with two, an empty field where there is
//! nothing to measure. Headers follow the app's language.

use talon_client::{Lang, text};
use talon_protocol::stats::{Distribution, OfficeStats, StatsRow};

/// The whole report as CSV text (lines end with "\n").
pub fn stats_csv(stats: &OfficeStats, lang: Lang) -> String {
    let t = |id: &str| text(lang, id);
    let mut lines: Vec<Vec<String>> = vec![
        vec![t("desk-csv-period-from"), t("desk-csv-period-to")],
        vec![stats.from.to_string(), stats.to.to_string()],
        vec![],
        row_header(lang),
        row(
            t("desk-csv-total"),
            String::new(),
            String::new(),
            &stats.total,
        ),
    ];
    for topic in &stats.by_topic {
        let name = match lang {
            Lang::En if !topic.name_en.is_empty() => &topic.name_en,
            _ => &topic.name_ru,
        };
        lines.push(row(
            t("desk-csv-topic"),
            topic.prefix.clone(),
            name.clone(),
            &topic.stats,
        ));
    }
    for agent in &stats.by_agent {
        lines.push(row(
            t("desk-csv-agent"),
            agent.agent_id.to_string(),
            agent.name.clone(),
            &agent.stats,
        ));
    }
    lines.push(vec![]);

    lines.push(vec![
        t("desk-csv-month"),
        t("desk-csv-called"),
        t("desk-csv-average-wait"),
        t("desk-csv-limit"),
        t("desk-csv-within-limit"),
    ]);
    for month in &stats.monthly_wait {
        lines.push(vec![
            month.month.clone(),
            month.called.to_string(),
            minutes(month.average_wait_ms),
            minutes(Some(month.limit_ms)),
            if month.within_limit {
                t("desk-csv-yes")
            } else {
                t("desk-csv-no")
            },
        ]);
    }

    let mut out = String::new();
    for line in lines {
        let fields: Vec<String> = line.iter().map(|f| quote(f)).collect();
        out.push_str(&fields.join(","));
        out.push('\n');
    }
    out
}

fn row_header(lang: Lang) -> Vec<String> {
    [
        "desk-csv-section",
        "desk-csv-code",
        "desk-csv-name",
        "desk-csv-issued",
        "desk-csv-finished",
        "desk-csv-resolved",
        "desk-csv-deferred",
        "desk-csv-refused",
        "desk-csv-other",
        "desk-csv-no-shows",
        "desk-csv-cancelled",
        "desk-csv-unfinished",
        "desk-csv-transfers",
        "desk-csv-wait-average",
        "desk-csv-wait-median",
        "desk-csv-wait-p90",
        "desk-csv-within-wait-norm",
        "desk-csv-service-average",
        "desk-csv-service-median",
        "desk-csv-service-p90",
        "desk-csv-within-service-norm",
        "desk-csv-total-average",
        "desk-csv-within-total-norm",
        "desk-csv-ratings",
        "desk-csv-rating-average",
        "desk-csv-rating-within-wait-norm",
        "desk-csv-rating-over-wait-norm",
        "desk-csv-rating-5",
        "desk-csv-rating-4",
        "desk-csv-rating-3",
        "desk-csv-rating-2",
        "desk-csv-rating-1",
    ]
    .iter()
    .map(|id| text(lang, id))
    .collect()
}

fn row(section: String, code: String, name: String, s: &StatsRow) -> Vec<String> {
    let mut fields = vec![section, code, defuse(name)];
    fields.extend(
        [
            s.issued,
            s.finished,
            s.resolved,
            s.deferred,
            s.refused,
            s.other,
            s.no_shows,
            s.cancelled,
            s.unfinished,
            s.transfers,
        ]
        .iter()
        .map(u32::to_string),
    );
    fields.extend(distribution(&s.wait));
    fields.push(percent(s.within_wait_norm));
    fields.extend(distribution(&s.service));
    fields.push(percent(s.within_service_norm));
    fields.push(minutes(s.total.average_ms));
    fields.push(percent(s.within_total_norm));
    let ratings = &s.ratings;
    fields.push(ratings.count.to_string());
    for average in [
        ratings.average,
        ratings.average_within_wait_norm,
        ratings.average_over_wait_norm,
    ] {
        fields.push(average.map(|a| format!("{a:.2}")).unwrap_or_default());
    }
    // From «отлично» (5) down to «очень плохо» (1), as the header.
    for level in (0..5).rev() {
        fields.push(
            ratings
                .by_level
                .get(level)
                .copied()
                .unwrap_or(0)
                .to_string(),
        );
    }
    fields
}

fn distribution(d: &Distribution) -> [String; 3] {
    [
        minutes(d.average_ms),
        minutes(d.median_ms),
        minutes(d.p90_ms),
    ]
}

/// Milliseconds as minutes with one decimal; empty when unknown.
pub fn minutes(ms: Option<i64>) -> String {
    ms.map(|ms| format!("{:.1}", ms as f64 / 60_000.0))
        .unwrap_or_default()
}

/// A share 0..1 as percent with one decimal; empty when unknown.
pub fn percent(share: Option<f64>) -> String {
    share
        .map(|s| format!("{:.1}", s * 100.0))
        .unwrap_or_default()
}

/// A name that a spreadsheet would take for a formula gets a leading apostrophe.
fn defuse(text: String) -> String {
    if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text
    }
}

fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use talon_protocol::stats::{AgentStats, MonthlyWait, RatingStats, TopicStats};
    use talon_protocol::{OfficeId, StaffId, TopicId};

    fn sample() -> OfficeStats {
        let row = StatsRow {
            issued: 3,
            finished: 2,
            resolved: 1,
            deferred: 1,
            no_shows: 1,
            transfers: 1,
            wait: Distribution {
                count: 3,
                average_ms: Some(450_000),
                median_ms: Some(420_000),
                p90_ms: Some(1_080_000),
            },
            service: Distribution {
                count: 2,
                average_ms: Some(600_000),
                median_ms: Some(600_000),
                p90_ms: Some(720_000),
            },
            total: Distribution {
                count: 2,
                average_ms: Some(1_500_000),
                median_ms: None,
                p90_ms: None,
            },
            within_wait_norm: Some(2.0 / 3.0),
            within_service_norm: Some(1.0),
            within_total_norm: Some(0.5),
            ratings: RatingStats {
                count: 3,
                average: Some(11.0 / 3.0),
                by_level: vec![0, 1, 0, 1, 1],
                average_within_wait_norm: Some(4.5),
                average_over_wait_norm: Some(2.0),
            },
            ..StatsRow::default()
        };
        OfficeStats {
            office_id: OfficeId(1),
            from: "2026-11-01".parse().unwrap(),
            to: "2026-11-20".parse().unwrap(),
            total: row.clone(),
            by_topic: vec![
                TopicStats {
                    topic_id: TopicId(1),
                    prefix: "П".into(),
                    name_ru: "Передача показаний".into(),
                    name_en: "Meter readings".into(),
                    stats: row.clone(),
                },
                TopicStats {
                    topic_id: TopicId(2),
                    prefix: "Д".into(),
                    name_ru: "Договоры, \"срочные\"".into(),
                    name_en: String::new(),
                    stats: StatsRow::default(),
                },
            ],
            by_agent: vec![AgentStats {
                agent_id: StaffId(3),
                name: "=Ольга".into(),
                stats: row,
            }],
            monthly_wait: vec![MonthlyWait {
                month: "2026-11".into(),
                called: 3,
                average_wait_ms: Some(450_000),
                limit_ms: 1_800_000,
                within_limit: true,
            }],
            bookings: Default::default(),
        }
    }

    #[test]
    fn russian_report_is_exact() {
        let expected = "\
Период с,Период по
2026-11-01,2026-11-20

Раздел,Код,Название,Выдано,Обслужено,Решено,Отложено,Отказано,Другое,Не явились,Отменено,Не завершено,Перенаправлений,Ожидание: среднее (мин),Ожидание: медиана (мин),Ожидание: 90% (мин),В норме ожидания (%),Обслуживание: среднее (мин),Обслуживание: медиана (мин),Обслуживание: 90% (мин),В норме обслуживания (%),В офисе: среднее (мин),В норме общего времени (%),Оценок посетителей,Средняя оценка,Средняя оценка: в норме ожидания,Средняя оценка: сверх нормы ожидания,Оценок «отлично»,Оценок «хорошо»,Оценок «удовлетворительно»,Оценок «плохо»,Оценок «очень плохо»
Итого,,,3,2,1,1,0,0,1,0,0,1,7.5,7.0,18.0,66.7,10.0,10.0,12.0,100.0,25.0,50.0,3,3.67,4.50,2.00,1,1,0,1,0
Тема,П,Передача показаний,3,2,1,1,0,0,1,0,0,1,7.5,7.0,18.0,66.7,10.0,10.0,12.0,100.0,25.0,50.0,3,3.67,4.50,2.00,1,1,0,1,0
Тема,Д,\"Договоры, \"\"срочные\"\"\",0,0,0,0,0,0,0,0,0,0,,,,,,,,,,,0,,,,0,0,0,0,0
Сотрудник,3,'=Ольга,3,2,1,1,0,0,1,0,0,1,7.5,7.0,18.0,66.7,10.0,10.0,12.0,100.0,25.0,50.0,3,3.67,4.50,2.00,1,1,0,1,0

Месяц,Вызвано,Среднее ожидание (мин),Предел (мин),В пределах
2026-11,3,7.5,30.0,да
";
        assert_eq!(stats_csv(&sample(), Lang::Ru), expected);
    }

    #[test]
    fn english_report_uses_english_names_and_falls_back_to_russian() {
        let csv = stats_csv(&sample(), Lang::En);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], "Period from,Period to");
        assert!(lines[3].starts_with("Section,Code,Name,Issued,"));
        assert!(lines[5].starts_with("Topic,П,Meter readings,3,"));
        assert!(lines[6].starts_with("Topic,Д,\"Договоры, \"\"срочные\"\"\",0,"));
        assert_eq!(lines[10], "2026-11,3,7.5,30.0,yes");
        // Every data row of the middle block has as many fields as its header.
        let header_fields = lines[3].split(',').count();
        assert_eq!(lines[4].split(',').count(), header_fields);
    }
}
