//! Every sentence the kiosk shows or prints, Russian first, English second, in one place so
//! that the wording can be checked and changed together.

use talon_client::Lang;

/// One text in both languages.
pub type Words = (&'static str, &'static str);

/// The text in `lang`.
pub fn say(lang: Lang, words: Words) -> &'static str {
    lang.pick(words.0, words.1)
}

pub const APP_TITLE: Words = ("Талон — электронная очередь", "Talon — electronic queue");
pub const CHOOSE_TOPIC: Words = ("Выберите тему обращения", "Choose the topic of your visit");
pub const WAITING: Words = ("Ожидают", "Waiting");
pub const ABOUT: Words = ("около", "about");
pub const WAIT: Words = ("ожидание", "wait");
pub const NO_LIVE_DATA: Words = (
    "Сведения об очереди обновляются…",
    "Queue information is being updated…",
);
pub const NO_TOPICS: Words = (
    "Сейчас нет тем для записи в очередь",
    "No topics are open for the queue now",
);

pub const OUT_OF_TURN_BUTTON: Words = ("Вне очереди", "Out of turn");
pub const OUT_OF_TURN_BUTTON_HINT: Words = (
    "для посетителей, которым это право дано законом",
    "for visitors entitled to it by law",
);
pub const OUT_OF_TURN_TITLE: Words = ("Обслуживание вне очереди", "Service out of turn");
pub const OUT_OF_TURN_WHO: Words = (
    "Право на обслуживание вне очереди имеют:",
    "The right to be served out of turn belongs to:",
);
pub const OUT_OF_TURN_PROOF: Words = (
    "Покажите подтверждающий документ специалисту у окна.",
    "Show the supporting document to the specialist at the window.",
);
pub const OUT_OF_TURN_CHOOSE: Words = (
    "Выберите тему обращения:",
    "Choose the topic of your visit:",
);
pub const BACK: Words = ("Назад", "Back");

pub const ISSUING: Words = ("Выдаём талон…", "Issuing your ticket…");
pub const ISSUING_WAIT: Words = ("Пожалуйста, подождите", "Please wait");

pub const YOUR_TICKET: Words = ("Ваш талон", "Your ticket");
pub const OUT_OF_TURN_MARK: Words = ("ВНЕ ОЧЕРЕДИ", "OUT OF TURN");
pub const ISSUED_AT: Words = ("Выдан", "Issued");
pub const PEOPLE_AHEAD: Words = ("Перед вами", "People ahead");
pub const ESTIMATED_WAIT: Words = ("Ожидание", "Estimated wait");
pub const WATCH_DISPLAY: Words = (
    "Следите за вызовом на табло",
    "Watch the hall display for your number",
);
pub const QR_CAPTION: Words = (
    "Статус талона — наведите камеру телефона",
    "Ticket status — point your phone camera here",
);
pub const QR_LABEL: Words = ("QR-код статуса талона", "QR code of the ticket status");
pub const PRINTING: Words = ("Талон печатается…", "Printing your ticket…");
pub const PRINTED: Words = (
    "Возьмите талон из принтера",
    "Take your ticket from the printer",
);
pub const PRINTER_FAILED: Words = (
    "Принтер не работает. Запомните номер талона — он уже в очереди.",
    "The printer is not working. Remember your number — it is already in the queue.",
);
pub const NO_PRINTER: Words = (
    "Запомните номер талона или сфотографируйте экран",
    "Remember your number or take a photo of the screen",
);
pub const DONE: Words = ("Готово", "Done");
pub const TAP_TO_RETURN: Words = (
    "Коснитесь экрана, чтобы вернуться",
    "Touch the screen to return",
);

pub const UNAVAILABLE: Words = (
    "Выдача талонов временно недоступна",
    "Ticket issuing is temporarily unavailable",
);
pub const UNAVAILABLE_HINT: Words = (
    "Пожалуйста, обратитесь к администратору зала или попробуйте через несколько минут.",
    "Please ask the hall administrator or try again in a few minutes.",
);
pub const OUTSIDE_HOURS: Words = (
    "Выдача талонов сейчас не производится",
    "Tickets are not being issued now",
);
pub const NEXT_OPENING: Words = ("Выдача талонов начнётся", "Ticket issuing starts");
pub const NO_HOURS: Words = (
    "Часы приёма не заданы. Обратитесь к администратору зала.",
    "No opening hours are set. Please ask the hall administrator.",
);
pub const REFUSED: Words = ("Талон не выдан", "No ticket was issued");
pub const TODAY: Words = ("сегодня", "today");
pub const TOMORROW: Words = ("завтра", "tomorrow");
pub const AT: Words = ("в", "at");

pub const ONLINE: Words = ("На связи", "Online");
pub const CONNECTING: Words = ("Подключение…", "Connecting…");
pub const OFFLINE: Words = ("Нет связи с сервером", "No connection to the server");
pub const NOT_AUTHORIZED: Words = (
    "Киоск не допущен к серверу: проверьте токен киоска",
    "The kiosk is not admitted by the server: check the kiosk token",
);

/// The button that switches the language names the language it switches to.
pub fn other_language(lang: Lang) -> &'static str {
    lang.pick("English", "Русский")
}

/// A category of visitors served out of turn. The office setting holds one line per
/// category; a line may carry both languages as "русский текст | English text".
pub fn category(lang: Lang, line: &str) -> &str {
    match line.split_once(" | ") {
        Some((ru, en)) => lang.pick(ru.trim(), en.trim()),
        None => line.trim(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_category_line_may_carry_both_languages() {
        let line = "Инвалиды I и II групп | Disabled people (groups I and II)";
        assert_eq!(category(Lang::Ru, line), "Инвалиды I и II групп");
        assert_eq!(
            category(Lang::En, line),
            "Disabled people (groups I and II)"
        );
        assert_eq!(category(Lang::En, "Ветераны"), "Ветераны");
    }
}
