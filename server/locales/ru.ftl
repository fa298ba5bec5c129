### Тексты страниц посетителя (телефон): страница талона /t/… и табло офиса /o/….
### Русский — первый язык. Файл en.ftl содержит те же идентификаторы.
### { $name } — значение, которое подставляет сервер. Числа выбирают форму слова:
### one — 1, 21, 31…; few — 2–4, 22–24…; many — 0, 5–20, 25–30…

# Ссылка, которая переключает страницу на другой язык (пишется на том языке).
web-switch-language = English
web-app-name = Talon — электронная очередь

## Страница талона

web-ticket-title = Талон { $ticket } — { $office }
# Заголовок вкладки при вызове: его видно, даже когда вкладка в фоне.
web-ticket-title-called = Окно { $window }! Талон { $ticket }
web-ticket-label = Талон
web-topic = Тема
web-people = { $people ->
        [one] { $people } человек
        [few] { $people } человека
       *[many] { $people } человек
    }
web-people-ahead = Перед вами
web-nobody-ahead = никого — вы следующий
web-estimated-wait = Ожидание
web-about-minutes = { $minutes ->
        [0] меньше минуты
        [one] около { $minutes } минуты
       *[other] около { $minutes } минут
    }
web-state-waiting = Вы в очереди
web-state-soon = Скоро ваша очередь
web-state-soon-hint = Вернитесь в зал, чтобы не пропустить вызов.
web-state-called = Пройдите к окну { $window }
web-state-called-hint = Вас вызывают. Покажите талон специалисту.
web-state-recalled = Повторный вызов
web-state-serving = Вас обслуживают в окне { $window }
web-state-done = Обслуживание завершено
web-state-done-hint = Спасибо за визит!
web-state-postponed = Талон отложен до { $time }
web-state-postponed-hint = Потом вы вернётесь в очередь на своё место.
web-state-transferred = Вас перенаправили: «{ $topic }»
web-state-transferred-window = Вас пригласят к окну { $window }
web-state-no-show = Вы не подошли по вызову
web-state-no-show-hint = Талон закрыт. Возьмите новый талон в киоске.
web-state-cancelled = Талон отменён
web-state-left = Вы покинули очередь
web-state-day-ended = Рабочий день закончился
web-state-day-ended-hint = Талон закрыт. Возьмите новый талон в следующий рабочий день.
web-live-note = Страница обновляется сама.
web-sound-on = Включить звук вызова
web-sound-is-on = Звук вызова включён
web-offline = Нет связи с сервером, переподключаемся…

## Покинуть очередь

web-leave = Покинуть очередь
web-leave-question = Покинуть очередь? Ваш талон будет отменён, место в очереди не сохранится.
web-leave-yes = Да, покинуть
web-leave-no = Нет, остаться

## Оценка

web-rate-title = Оцените обслуживание
web-rate-5 = Отлично
web-rate-4 = Хорошо
web-rate-3 = Удовлетворительно
web-rate-2 = Плохо
web-rate-1 = Очень плохо
web-rate-comment = Комментарий (необязательно)
web-rate-send = Отправить оценку
web-rate-choose = Выберите оценку.
web-rate-thanks = Спасибо за оценку!
web-rate-already = Этот визит уже оценён.
web-rate-closed = Время для оценки этого визита истекло.
web-error-network = Нет связи. Попробуйте ещё раз.
web-error-other = Что-то пошло не так. Попробуйте ещё раз.

## Не найдено

web-not-found-title = Талон не найден
web-not-found-text = Такого талона нет. Проверьте адрес или отсканируйте QR-код на талоне ещё раз.
web-office-not-found-title = Офис не найден
web-office-not-found-text = Такого офиса нет. Проверьте адрес.
web-too-many-title = Слишком много запросов
web-too-many-text = Подождите немного и обновите страницу.

## Табло офиса

web-board-title = Очередь — { $office }
web-board-heading = Очередь сейчас
web-board-today = Сегодня: { $open }–{ $close }
web-board-lunch = перерыв { $start }–{ $end }
web-board-day-off = Сегодня выходной
web-board-windows-open = Открыто окон: { $windows }
web-board-waiting = Ожидают
web-board-wait = Ожидание
web-board-no-wait = без ожидания
web-board-no-topics = Сейчас нет тем для записи в очередь.
web-board-link = Очередь в офисе

## Запись на приём

web-book-title = Запись на приём
web-book-none = В этом офисе нет записи заранее. Возьмите талон в киоске в офисе.
web-book-choose-what = Что вам нужно?
web-book-choose-day = Выберите день
web-book-no-days = Свободного времени для записи сейчас нет. Попробуйте позже или возьмите талон в офисе.
web-book-free = свободно мест: { $count }
web-book-back = ← Выбрать другое
web-book-other-day = ← Выбрать другой день
web-book-day-full = На этот день всё время уже занято.
web-book-choose-time = Свободное время: { $date }
web-book-name = Имя (необязательно)
web-book-phone = Телефон (необязательно)
web-book-consent-text = Имя и телефон нужны только для того, чтобы офис мог связаться с вами по этой записи. Они хранятся вместе с записью и никому больше не передаются (152-ФЗ).
web-book-consent = Согласен(на) на хранение имени и телефона для этой записи
web-book-submit = Записаться
web-book-move-submit = Перенести на это время
web-book-refused-title = Записаться не получилось
web-book-try-again = Выбрать время заново
web-book-slot-taken = Это время только что заняли. Выберите другое, пожалуйста.
web-book-slot-gone = На это время записаться уже нельзя. Выберите другое.
web-book-contact-limit = На этот телефон уже есть запись в этот день. Перенесите или отмените её.
web-book-same-slot = Запись уже на это время.
web-book-choose-a-time = Выберите время.
web-book-consent-needed = Чтобы оставить имя или телефон, отметьте согласие на их хранение — или оставьте поля пустыми.
web-book-contact-too-long = Имя или телефон слишком длинные.
web-booking-title = Ваша запись
web-booking-booked = Вы записаны
web-booking-checked-in = Вы отметились в офисе — ждите вызова
web-booking-cancelled = Запись отменена
web-booking-missed = Вы не пришли на приём: запись закрыта
web-booking-code = Код записи
web-booking-what = Куда
web-booking-when = Когда
web-booking-check-in = Отметьтесь в офисе с { $from } до { $until }: нажмите в киоске «У меня запись» и введите этот код.
web-booking-qr = QR-код этой страницы
web-booking-calendar = Добавить в календарь
web-booking-move = Перенести запись
web-booking-cancel = Отменить запись
web-booking-cancel-title = Отменить запись?
web-booking-cancel-question = Отменить запись на { $date }, { $time }? Время освободится для других.
web-booking-cancel-yes = Да, отменить
web-booking-cancel-no = Нет, оставить
web-booking-not-active = Эту запись уже нельзя изменить.
web-booking-not-found-title = Запись не найдена
web-booking-not-found-text = Записи с таким кодом нет. Проверьте код.
web-weekday-1 = понедельник
web-weekday-2 = вторник
web-weekday-3 = среда
web-weekday-4 = четверг
web-weekday-5 = пятница
web-weekday-6 = суббота
web-weekday-7 = воскресенье
web-date = { $day } { $month ->
    [1] января
    [2] февраля
    [3] марта
    [4] апреля
    [5] мая
    [6] июня
    [7] июля
    [8] августа
    [9] сентября
    [10] октября
    [11] ноября
   *[12] декабря
}
