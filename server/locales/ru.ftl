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
# Прогноз: 8 из 10 посетителей ждут в этих пределах. «до» — родительный падеж.
web-wait-range = от { $low } до { $high } { $high ->
        [one] минуты
       *[other] минут
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

## Reports (server/src/reports): titles, headings, charts.
report-title-topics = Отчёт по тематикам обращений
report-title-agents = Отчёт по специалистам
report-title-hourly = Загрузка по часам дня
report-title-compliance = Соблюдение нормативов по месяцам
report-title-feedback = Оценки посетителей
report-title-appointments = Предварительная запись
report-period = Период: { $from } – { $to }
report-scope = Офисы
report-scope-office = Офис: { $office }
report-scope-offices = { $count ->
    [one] { $count } офис
    [few] { $count } офиса
   *[many] { $count } офисов
}
report-from = Начало периода
report-to = Конец периода
report-sheet-about = Отчёт
report-total = Итого
report-yes = да
report-no = нет
report-table-by-office = По офисам
report-table-by-topic = По тематикам
report-table-by-agent = По специалистам
report-table-by-hour = По часам дня
report-table-by-office-hour = По офисам и часам
report-table-by-month = По месяцам
report-table-by-target = По услугам и приёмам
report-col-office = Офис
report-col-time-zone = Часовой пояс
report-col-topic = Тематика
report-col-agent = Специалист
report-col-hour = Час
report-col-month = Месяц
report-col-booked-for = Запись на
report-col-issued = Выдано талонов
report-col-called = Вызвано
report-col-finished = Обслужено
report-col-resolved = Решено
report-col-deferred = Отложено с ответом
report-col-refused = Отказано
report-col-other = Иное
report-col-no-shows = Не явились
report-col-cancelled = Отменено
report-col-unfinished = Не завершено
report-col-transfers = Перенаправлений
report-col-wait-average = Ожидание, среднее
report-col-wait-median = Ожидание, медиана
report-col-wait-p90 = Ожидание, 90-й процентиль
report-col-wait-within = Доля в норме ожидания
report-col-wait-over = Сверх нормы ожидания
report-col-service-average = Обслуживание, среднее
report-col-service-median = Обслуживание, медиана
report-col-service-p90 = Обслуживание, 90-й процентиль
report-col-service-within = Доля в норме обслуживания
report-col-service-over = Сверх нормы обслуживания
report-col-total-average = Всего в офисе, среднее
report-col-total-median = Всего в офисе, медиана
report-col-total-p90 = Всего в офисе, 90-й процентиль
report-col-total-within = Доля в норме общего времени
report-col-total-over = Сверх нормы общего времени
report-col-over-any = Сверх любой нормы
report-col-force-majeure = Причина: форс-мажор
report-col-technical-failure = Причина: технический сбой
report-col-visitor-case = Причина: случай посетителя
report-col-no-reason = Без указания причины
report-col-serving-time = Время обслуживания
report-col-idle-waiting-time = Простой при ожидающих
report-col-breaks = Перерывов
report-col-break-time = Время перерывов
report-col-month-limit = Норматив среднего ожидания
report-col-within-limit = В нормативе
report-col-ratings = Оценок
report-col-rating-average = Средняя оценка
report-col-rating-1 = «Очень плохо»
report-col-rating-2 = «Плохо»
report-col-rating-3 = «Удовлетворительно»
report-col-rating-4 = «Хорошо»
report-col-rating-5 = «Отлично»
report-col-rating-within = Средняя при ожидании в норме
report-col-rating-over = Средняя при ожидании сверх нормы
report-col-booking-made = Записей
report-col-booking-kept = Пришли
report-col-booking-moved = Перенесены
report-col-booking-cancelled = Отменены
report-col-booking-no-shows = Не пришли
report-col-booking-pending = Ещё впереди
report-col-booked-wait-average = Ожидание записавшихся, среднее
report-col-booked-wait-median = Ожидание записавшихся, медиана
report-col-booked-wait-p90 = Ожидание записавшихся, 90-й процентиль
report-col-within-booked-norm = Доля в норме для записавшихся
report-col-lead-average = Запись заранее, в среднем
report-chart-wait-by-topic = Среднее ожидание по тематикам
report-chart-wait-by-agent = Среднее ожидание по специалистам
report-chart-wait-by-hour = Среднее ожидание по часу выдачи талона
report-chart-wait-by-month = Среднее ожидание за месяц
report-chart-wait-norm = норма ожидания
report-chart-month-limit = норматив среднего ожидания за месяц
report-chart-minutes = минуты
report-scope-region = Регион: { $region } ({ $count ->
    [one] { $count } офис
    [few] { $count } офиса
   *[many] { $count } офисов
})
report-chart-rating-by-topic = Средняя оценка по тематикам
report-chart-points = баллы (1 — очень плохо, 5 — отлично)
report-chart-booked-wait = Среднее ожидание записавшихся
report-chart-booked-norm = норма ожидания для записавшихся

## Оповещения по почте

notify-wait-breach = талон { $ticket } ждёт дольше нормы
notify-long-queue = длинная очередь: ждут { $waiting }
notify-other = оповещение
notify-raised = Оповещение поднято.
notify-to-region = Никто не принял его вовремя: передано начальнику отделения.
notify-to-head-office = Никто не принял его за час: передано в центральный офис.
notify-acknowledged = Принял { $name }: { $comment }
notify-subject = Talon, { $office }: { $what }
notify-body = Офис: { $office }
    Что: { $what }
    { $step }
    Время (UTC): { $at }
