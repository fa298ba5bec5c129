### Тексты всех приложений Talon на русском — первый язык: если текста нет в другом
### языке, показывается русский. Файл другого языка (en.ftl) содержит те же
### идентификаторы в том же порядке.
###
### Как править: слева идентификатор (его знает код, не меняйте его), справа текст.
### { $name } — значение, которое подставляет приложение (номер талона, число, время).
### Числа выбирают форму слова:
###     { $people ->
###         [one] { $people } человек
###         [few] { $people } человека
###        *[many] { $people } человек
###     }
### one — 1, 21, 31…; few — 2–4, 22–24…; many — 0, 5–20, 25–30…; [0] — ровно ноль;
### звёздочка отмечает форму по умолчанию.

## Общее для всех приложений

# Название языка на нём самом: его показывает кнопка, которая на него переключает.
common-language-name = Русский
common-online = На связи
common-connecting = Подключение…
common-offline = Нет связи с сервером
# Длительность в целых минутах, сокращённо: «15 мин».
common-minutes = { $minutes } мин
# Прогноз ожидания: медиана не показывается, только диапазон, где окажутся 8 из 10 ожиданий.
common-wait-range = ≈ { $low }–{ $high } мин
common-hours = { $hours } ч
# Объявление для окна на перерыве, дословно по стандарту (ЛНА-0009-4 §5.4.9.1).
common-paused-notice = Уважаемые клиенты! Обслуживание временно прекращено. Приносим свои извинения за доставленные неудобства

## Киоск: здесь посетители берут талоны. Тексты видны с метра, коротко и крупно.

kiosk-window-title = Talon — киоск
# Пока киоск не знает своего офиса, вместо его названия.
kiosk-app-title = Талон — электронная очередь
kiosk-choose-topic = Выберите тему обращения
kiosk-no-topics = Сейчас нет тем для записи в очередь
kiosk-people = { $people ->
        [one] { $people } человек
        [few] { $people } человека
       *[many] { $people } человек
    }
# После «около» — родительный падеж: около 1 минуты, около 5 минут.
kiosk-about-minutes = { $minutes ->
        [one] около { $minutes } минуты
       *[other] около { $minutes } минут
    }
# Строка на кнопке темы: «Ожидают: 3 человека · около 15 минут». Должна умещаться в
# одну строку под названием темы.
kiosk-topic-load = Ожидают: { kiosk-people } · { $minutes ->
        [0] без ожидания
       *[other] { kiosk-about-minutes }
    }
kiosk-topic-load-range = Ожидают: { kiosk-people } · ≈ { $low }–{ $high } мин
kiosk-out-of-turn-button = Вне очереди
kiosk-out-of-turn-button-hint = для посетителей, которым это право дано законом
kiosk-out-of-turn-title = Обслуживание вне очереди
kiosk-out-of-turn-who = Право на обслуживание вне очереди имеют:
kiosk-out-of-turn-proof = Покажите подтверждающий документ специалисту у окна.
kiosk-out-of-turn-choose = Выберите тему обращения:
kiosk-back = Назад
kiosk-issuing = Выдаём талон…
kiosk-issuing-wait = Пожалуйста, подождите
kiosk-check-in-button = У меня запись
kiosk-check-in-button-hint = для записавшихся заранее: введите код записи
kiosk-check-in-title = Введите код записи
kiosk-check-in-hint = 8 цифр из подтверждения записи
kiosk-key-erase = Стереть
kiosk-key-done = Готово
kiosk-checking-in = Проверяем запись…
kiosk-check-in-too-early = Рано для отметки по записи
kiosk-check-in-opens = Отметиться можно
kiosk-check-in-too-late = Время отметки по записи прошло
kiosk-check-in-too-late-hint = Запись не действует. Возьмите обычный талон — вас вызовут в порядке очереди.
kiosk-check-in-take-ticket = Взять обычный талон
kiosk-no-booking = Запись не найдена
kiosk-no-booking-hint = Проверьте цифры кода и введите его ещё раз.

## Киоск: талон на экране и на бумаге. Бумажный талон печатается в кодовой странице
## PC866: кавычки «» и тире печатаются как " и -, прочие знаки вне кириллицы и ASCII — как ?.

kiosk-your-ticket = Ваш талон
kiosk-out-of-turn-mark = ВНЕ ОЧЕРЕДИ
kiosk-issued-at = Выдан: { $time }
kiosk-people-ahead = Перед вами: { kiosk-people }
kiosk-estimated-wait = Ожидание: { $minutes ->
        [0] меньше минуты
       *[other] { kiosk-about-minutes }
    }
kiosk-wait-range = Ожидание: ≈ { $low }–{ $high } мин
kiosk-watch-display = Следите за вызовом на табло
kiosk-qr-caption = Статус талона — наведите камеру телефона
# Для экранного диктора: что изображено.
kiosk-qr-label = QR-код статуса талона
kiosk-printing = Талон печатается…
kiosk-printed = Возьмите талон из принтера
kiosk-printer-failed = Принтер не работает. Запомните номер талона — он уже в очереди.
kiosk-no-printer = Запомните номер талона или сфотографируйте экран
kiosk-done = Готово
kiosk-tap-to-return = Коснитесь экрана, чтобы вернуться

## Киоск: почему талон не выдан

kiosk-unavailable = Выдача талонов временно недоступна
kiosk-unavailable-hint = Пожалуйста, обратитесь к администратору зала или попробуйте через несколько минут.
kiosk-outside-hours = Выдача талонов сейчас не производится
kiosk-next-opening = Выдача талонов начнётся
kiosk-no-hours = Часы приёма не заданы. Обратитесь к администратору зала.
# Под ним — сообщение сервера.
kiosk-refused = Талон не выдан
kiosk-opening-today = сегодня в { $time }
kiosk-opening-tomorrow = завтра в { $time }
# { $date } — «23.11.2026».
kiosk-opening-date = { $date } в { $time }
kiosk-not-authorized = Киоск не допущен к серверу: проверьте токен киоска

## Табло в зале: вызовы крупно, очередь, окна на перерыве. Номера талонов, без имён.

display-window-title = Talon — табло
# «А015 → окно 3».
display-call-to-window = { $ticket } → окно { $window }
display-new-call = Новый вызов
display-repeated-call = Повторный вызов
display-current-call = Вызов
display-no-calls-yet = Ожидайте вызова на этом табло
display-recent-calls = Предыдущие вызовы
display-queue = Очередь
display-waiting = ждут: { $count }
display-estimated-wait = ≈ { $minutes } мин
display-no-wait = без ожидания
display-no-window-open = окна закрыты
display-paused-window = Окно { $window } — возобновит работу в { $time }
# Окно на перерыве без времени возвращения.
display-paused-window-untimed = Окно { $window }
# За ним — категории посетителей через точку с запятой.
display-out-of-turn = Вне очереди обслуживаются:
display-stale = Данные могут быть устаревшими
display-sound-unavailable = Звук недоступен — вызовы только на экране
display-sound-off = Звук выключен
display-connecting = Подключение к серверу…
display-unreachable = Сервер недоступен. Повторная попытка через несколько секунд.
display-refused = Сервер отказал: { $message }
display-no-office = Этому табло не назначен офис: проверьте токен табло.
# За двоеточием — подробность на английском, для администратора.
display-bad-answer = Непонятный ответ сервера: { $detail }
# «пятница, 20 ноября»: день недели, число, месяц (в родительном падеже).
display-date = { $weekday }, { $day } { $month }
display-weekday-monday = понедельник
display-weekday-tuesday = вторник
display-weekday-wednesday = среда
display-weekday-thursday = четверг
display-weekday-friday = пятница
display-weekday-saturday = суббота
display-weekday-sunday = воскресенье
display-month-january = января
display-month-february = февраля
display-month-march = марта
display-month-april = апреля
display-month-may = мая
display-month-june = июня
display-month-july = июля
display-month-august = августа
display-month-september = сентября
display-month-october = октября
display-month-november = ноября
display-month-december = декабря

## ———— Рабочее место сотрудника и монитор начальника офиса ————

## Рабочее место: окно приложения, вход

desk-window-title = Talon — рабочее место
desk-sign-in-not-kept = Вход не сохранён, после перезапуска войдите снова. { $path }: { $error }
desk-session-ended = Сеанс завершён или отозван. Войдите снова.

## Рабочее место: вход и восстановление входа

desk-signin-title = Talon — рабочее место сотрудника
desk-signin-subtitle = Вход для сотрудников окон и начальников офисов
desk-signin-server = Сервер:
desk-signin-login = Логин:
desk-signin-password = Пароль:
desk-signin-submit = Войти
desk-signin-busy = Вход…
desk-signin-restoring = Восстановление входа…
desk-signin-retrying = Повторяю попытку…
desk-signin-again = Войти заново

## Рабочее место: верхняя панель, вкладки, связь

desk-tab-board = Табло офиса
desk-tab-charts = Графики
desk-tab-norms = Нормативы
desk-tab-reports = Отчёты
desk-tab-offices = Офисы
desk-tab-desk = Моё окно
desk-tab-bookings = Запись
desk-booking-title = Записать посетителя
desk-booking-none = В этом офисе нет записи заранее: сделайте тему записываемой в её настройках или задайте приём по записи.
desk-booking-what = Куда:
desk-booking-day = День:
desk-booking-show-times = Показать свободное время
desk-booking-no-times = На этот день свободного времени нет.
desk-booking-choose = Выберите, куда записать, и день (ГГГГ-ММ-ДД).
desk-booking-name = Имя:
desk-booking-phone = Телефон:
desk-booking-consent = Имя и телефон — только с согласия посетителя и только для связи по этой записи.
desk-booking-book = Записать на { $time }
desk-booking-done = Записан на { $time }. Код записи: { $code }
desk-booking-tell-code = Назовите посетителю код: он введёт его в киоске («У меня запись»).
desk-bookings-of-day = Записи на день
desk-bookings-show = Показать записи
desk-bookings-empty = На этот день записей нет.
desk-bookings-column-time = Время
desk-bookings-column-what = Куда
desk-bookings-column-status = Состояние
desk-bookings-column-name = Имя
desk-bookings-column-phone = Телефон
desk-bookings-column-code = Код
desk-booking-status-booked = записан
desk-booking-status-checked-in = пришёл
desk-booking-status-cancelled = отменена
desk-booking-status-no-show = не пришёл
desk-booking-cancel = Отменить запись на { $time }
desk-offline-for = Нет связи с сервером { $seconds } с — данные могут быть устаревшими
desk-sign-out = Выйти
desk-role-agent = сотрудник
desk-role-head = начальник офиса
desk-role-region-head = начальник отделения
desk-role-head-office = центральный офис
desk-role-admin = администратор
desk-no-office = Вы не закреплены ни за одним офисом. Обратитесь к администратору.

## Рабочее место: состояния окон, оповещения, ошибки

desk-window-closed = закрыто
desk-window-idle = свободно
desk-window-calling = вызов
desk-window-serving = обслуживание
desk-window-paused = перерыв
desk-window-name = Окно { $window }
desk-alert-wait-breach = Талон { $ticket } ждёт дольше нормы ({ $topic })
desk-alert-long-queue = Длинная очередь: { $topic } — ждут { $count }
desk-alert-idle-window = Окно { $window } простаивает, а клиенты ждут
desk-alert-service-breach = Обслуживание талона { $ticket } в окне { $window } дольше нормы
desk-alert-poor-rating = Оценка посетителя «{ $rating }»: талон { $ticket }, окно { $window }
desk-rating-word = { $rating ->
    [1] очень плохо
    [2] плохо
    [3] удовлетворительно
    [4] хорошо
   *[5] отлично
}
desk-error-refused = Сервер отказал: { $message }
desk-error-unreachable = Нет связи с сервером. Проверьте сеть и повторите.
desk-error-protocol = Непонятный ответ сервера ({ $detail }). Обновите приложение.

## Рабочее место: норма рядом с таймером

desk-norm-ok = в норме
desk-norm-warning = близко к норме
desk-norm-breach = сверх нормы
desk-norm-line = норма { $minutes } мин · { $verdict }

## Рабочее место: ответ на действие

desk-working = Выполняется…
desk-dismiss = Понятно

## Рабочее место специалиста: действия (клавиша F… добавляется сама) и подсказки

desk-act-call-next = Вызвать следующего
desk-act-recall = Повторный вызов
desk-act-start = Начать обслуживание
desk-act-finish = Завершить
desk-act-no-show = Клиент не явился
desk-act-transfer = Перенаправить
desk-act-postpone = Отложить
desk-act-pause = Перерыв
desk-act-resume = Продолжить работу
desk-act-close = Закрыть окно
desk-act-call-next-waiting = { desk-act-call-next }  (ждут: { $count })
desk-hint-call-next = Можно вызывать следующего клиента.
desk-hint-queue-empty = Очередь к окну пуста. Новые талоны появятся здесь сами.
desk-hint-calling = Клиент идёт к окну: начните обслуживание, вызовите повторно или отметьте неявку.
desk-hint-serving = Идёт обслуживание. Завершите его или перенаправьте клиента.
desk-hint-paused = Окно на перерыве: клиенты видят объявление на табло.
desk-hint-closed = Окно закрыто.

## Рабочее место специалиста: окно и клиент у окна

desk-state-since = с { $time }
desk-window-topics = Темы окна: { $topics }
desk-transferred = перенаправлен { $count }
desk-recalls = повторных вызовов: { $count }
desk-called-walking = Вызван, идёт к окну: { $time }
desk-break-reason = Перерыв: { $reason }
desk-expected-back = Ожидаемое возвращение: { $time }
desk-visitors-see = Клиенты видят: «{ common-paused-notice }»
desk-card-nobody = У окна нет клиента
desk-card-closed = Окно закрыто
desk-card-loading = Загрузка талона…
desk-badge-out-of-turn = ВНЕ ОЧЕРЕДИ
desk-timer-waited = Ожидание
desk-timer-service = Обслуживание

## Рабочее место специалиста: выбор окна

desk-open-window = Открыть окно { $window }
desk-loading-office = Загрузка данных офиса…
desk-picker-title = Выберите окно и откройте его
desk-picker-hint = Открытое окно закреплено за вами до закрытия.

## Рабочее место: очередь

desk-window-queue = Очередь к окну: { $count }
desk-queue-empty = Никто не ждёт.
desk-mark-out-of-turn = вне очереди
desk-mark-sent-here = направлен в это окно
desk-mark-front = в начало очереди

## Рабочее место специалиста: показатели за день

desk-today-title = Мои показатели за сегодня
desk-loading = Загрузка…
desk-today-none = Сегодня вы ещё никого не обслужили.
desk-served = Обслужено
desk-no-shows = Не явились
desk-today-average-wait = Среднее ожидание
desk-today-average-service = Среднее обслуживание
desk-today-within-wait-norm = В норме ожидания
desk-today-within-service-norm = В норме обслуживания

## Рабочее место: формы

desk-form-cancel = Отмена  [Esc]

## Форма «Завершение обслуживания»

desk-outcome-resolved = Вопрос решён
desk-outcome-deferred = Отложено со сроком
desk-outcome-refused = Отказ с причиной
desk-outcome-other = Другое
desk-overrun-force-majeure = форс-мажор
desk-overrun-technical-failure = технический сбой
desk-overrun-visitor-case = особый случай клиента
desk-finish-title = Завершение обслуживания
desk-finish-outcome = Результат:
desk-finish-deadline = Срок ответа клиенту:
desk-finish-deadline-hint = ГГГГ-ММ-ДД или ДД.ММ.ГГГГ
desk-finish-refusal-reasons = Причина отказа:
desk-finish-note = Примечание:
desk-finish-topics-count = Сколько тем обращения:
desk-finish-more-than-three = больше 3
desk-finish-overrun = Превышение нормы:
desk-overrun-none = нет причины
desk-finish-confirm = Завершить
desk-finish-bad-deadline = Укажите срок датой: ГГГГ-ММ-ДД или ДД.ММ.ГГГГ.

## Форма «Перерыв»

desk-pause-reason-break = Перерыв
desk-pause-reason-lunch = Обед
desk-pause-reason-paperwork = Работа с документами
desk-pause-reason-failure = Технический сбой
desk-pause-display-shows = Табло покажет время возврата: { $time }
desk-pause-title = Перерыв в работе окна
desk-pause-reason = Причина:
desk-field-required = обязательно
desk-pause-back-in = Вернусь через, мин:
desk-field-optional = необязательно
desk-pause-confirm = Начать перерыв
desk-pause-bad-minutes = Время возврата — число минут (или оставьте пустым).

## Форма «Отложить талон»

desk-postpone-title = Отложить талон
desk-postpone-hint = Клиент вернётся в очередь на своё место через указанное время.
desk-postpone-minutes = Минут:
desk-postpone-confirm = Отложить
desk-postpone-bad-minutes = Введите число минут.

## Форма «Перенаправить»

desk-transfer-ticket = Перенаправить талон { $ticket }
desk-to-window = к окну { $window }
desk-transfer-to = Куда:
desk-transfer-to-topic = в тему
desk-transfer-to-a-window = в окно
desk-transfer-no-window = Других открытых окон нет.
desk-transfer-place = Место в очереди:
desk-transfer-front = в начало
desk-transfer-back = в конец
desk-transfer-confirm = Перенаправить

## Начальник офиса: оповещения

desk-new-alert = Новое оповещение: { $alert }
desk-alerts-count = Оповещения: { $count }
desk-alert-acknowledge = Принято
desk-alert-at-region = передано начальнику отделения
desk-alert-at-head-office = передано в центральный офис
desk-alert-taken = принял { $name } в { $time }: { $comment }
desk-alert-take-short = Принять…
desk-alert-take = Принять оповещение: { $alert }
desk-alert-comment = Что делается:
desk-alert-take-confirm = Принять
desk-alert-comment-needed = Напишите, что делается: без комментария оповещение не принять.
desk-alert-taken-done = Оповещение принято.
desk-alerts-none = Оповещений нет

## Начальник офиса: табло офиса

desk-window-topics-form = Окно { $window }: темы обслуживания
desk-office-waiting = Ожидают: { $count }
desk-board-windows = Окна
desk-board-column-window = Окно
desk-board-column-agent = Сотрудник
desk-board-column-state = Состояние
desk-board-column-ticket = Талон
desk-board-column-for = Сколько
desk-topics = Темы
desk-board-select-window = Выберите окно, чтобы изменить его темы, объявить перерыв или закрыть его.
desk-board-change-topics = Изменить темы
desk-board-pause = Объявить перерыв
desk-board-resume = Снять перерыв
desk-board-close = Закрыть окно
desk-board-topics-hint = Когда очередь растёт, разделите темы между окнами: каждая группа — своим специалистам.
desk-board-save-topics = Сохранить темы
desk-board-topics-saved = Темы окна сохранены.
desk-mark-sent-to-window = направлен в окно

## Начальник офиса: графики

desk-chart-waiting-title = Ждут по темам в течение дня
desk-chart-waiting-hint = Записывается, пока приложение открыто; ось X — часы по времени офиса.
desk-chart-office-time = время офиса
desk-chart-waiting-axis = ждут
desk-chart-norm-title = Ожидание сегодня против нормы
desk-chart-loading = Загрузка статистики…
desk-chart-minutes-axis = минуты
desk-chart-average = Среднее
desk-median = Медиана
desk-chart-p90 = 90-й процентиль
desk-chart-wait-norm = Норма ожидания

## Начальник офиса: нормативы

desk-norm-average = в среднем { $minutes } мин
desk-norm-hard-max = не более { $minutes } мин
desk-topic-norms = Нормативы темы { $topic }
desk-norm-edit-wait = Норма ожидания, мин:
desk-norm-edit-service = Норма обслуживания, мин:
desk-norm-edit-total = Норма времени в офисе, мин:
desk-norms-bad-minutes = Нормы — целое число минут.
desk-norms-title = Темы и нормативы
desk-norms-standard = Стандарт: ожидание не более 15 мин, приём 20 мин, всего в офисе 35 мин; норма приёма действует для визитов не более чем по 3 темам.
desk-norms-column-topic = Тема (выберите, чтобы изменить)
desk-norms-column-wait = Ожидание
desk-norms-column-total = Всего в офисе
desk-norms-column-active = Активна
desk-yes = да
desk-no = нет
desk-norm-kind-hard-max = не более (каждый визит)
desk-norm-kind-average = в среднем
desk-norms-save = Сохранить нормативы
desk-norms-saved = Нормативы сохранены.

## Начальник офиса: офисы

desk-office-is-open = Открыт
desk-open-office = Открыть «{ $office }»
desk-offices-title = Офисы
desk-offices-refresh = Обновить
desk-offices-loading = Загрузка списка офисов…
desk-offices-column-office = Офис
desk-column-waiting = Ждут
desk-offices-column-windows-open = Окна
desk-offices-column-alerts = Оповещения
desk-offices-column-longest-wait = Дольше всех ждёт
desk-offices-column-breaches = Нарушения
desk-offices-column-within-norm = В норме сегодня
desk-offices-column-month = Ожидание за месяц
desk-offices-month-of-limit = { $average } из { $limit }
desk-offices-region = Отделение:
desk-offices-all-regions = Все
desk-offices-none = Нет офисов
desk-offices-alerts-escalated = { $count } (передано выше: { $escalated })

## Начальник офиса: отчёты

desk-date-hint = ГГГГ-ММ-ДД
desk-report-from = С:
desk-report-to = По:
desk-report-period = Период: { $from } — { $to }
desk-report-saved = Отчёт сохранён: { $path }
desk-report-not-saved = Не удалось сохранить { $path }: { $error }
desk-month-no-calls = Среднее ожидание за месяц { $month }: вызванных талонов нет
desk-month-within-limit = в пределах нормы
desk-month-over-limit = сверх нормы
desk-month-wait = Среднее ожидание за месяц { $month }: { $average } { $verdict } (предел { $limit }), вызвано: { $called }
desk-report-title = Отчёт за период
desk-report-today = Сегодня
desk-report-this-month = Этот месяц
desk-report-last-month = Прошлый месяц
desk-report-show = Показать
desk-report-choose = Выберите период и нажмите «Показать».
desk-report-by-topic = По темам
desk-report-total = Всего
desk-report-by-agent = По сотрудникам
desk-report-no-visits = Нет обслуженных визитов.
desk-report-bad-dates = Даты периода — в виде ГГГГ-ММ-ДД или ДД.ММ.ГГГГ.
desk-report-csv-file = Файл CSV:
desk-report-export = Экспорт в CSV
desk-report-column-issued = Выдано
desk-report-column-transfers = Перенапр.
desk-report-column-wait-average = Ожид. ср.
desk-report-column-wait-p90 = 90%
desk-report-column-wait-in-norm = В норме ожид.
desk-report-column-service-average = Обсл. ср.
desk-report-column-service-in-norm = В норме обсл.
desk-report-column-ratings = Оценок
desk-report-column-rating-average = Ср. оценка
desk-report-column-rating-within = Оценка в норме ожид.
desk-report-column-rating-over = Оценка сверх нормы
desk-report-bookings = Запись заранее
desk-report-no-bookings = Записей на этот период нет.
desk-report-bookings-made = Записей
desk-report-bookings-kept = Пришли
desk-report-bookings-moved = Перенесено
desk-report-bookings-cancelled = Отменено
desk-report-bookings-no-shows = Не пришли
desk-report-bookings-pending = Впереди
desk-report-bookings-wait = Ожид. по записи
desk-report-bookings-in-norm = В норме записи
desk-report-bookings-lead = Записались заранее

## Начальник офиса: таблица тем

desk-topics-column-topic = Тема
desk-topics-column-norm = Норма
desk-topics-column-longest = Дольше всех
desk-topics-column-average-today = Среднее сегодня
desk-topics-column-within-norm = В норме
desk-topics-column-estimate = Прогноз
desk-topics-column-windows = Окон
desk-topics-no-window = нет окон

## Отчёт в CSV: заголовки столбцов

desk-csv-period-from = Период с
desk-csv-period-to = Период по
desk-csv-total = Итого
desk-csv-topic = Тема
desk-csv-agent = Сотрудник
desk-csv-month = Месяц
desk-csv-called = Вызвано
desk-csv-average-wait = Среднее ожидание (мин)
desk-csv-limit = Предел (мин)
desk-csv-within-limit = В пределах
desk-csv-yes = да
desk-csv-no = нет
desk-csv-section = Раздел
desk-csv-code = Код
desk-csv-name = Название
desk-csv-issued = Выдано
desk-csv-finished = Обслужено
desk-csv-resolved = Решено
desk-csv-deferred = Отложено
desk-csv-refused = Отказано
desk-csv-other = Другое
desk-csv-no-shows = Не явились
desk-csv-cancelled = Отменено
desk-csv-unfinished = Не завершено
desk-csv-transfers = Перенаправлений
desk-csv-wait-average = Ожидание: среднее (мин)
desk-csv-wait-median = Ожидание: медиана (мин)
desk-csv-wait-p90 = Ожидание: 90% (мин)
desk-csv-within-wait-norm = В норме ожидания (%)
desk-csv-service-average = Обслуживание: среднее (мин)
desk-csv-service-median = Обслуживание: медиана (мин)
desk-csv-service-p90 = Обслуживание: 90% (мин)
desk-csv-within-service-norm = В норме обслуживания (%)
desk-csv-total-average = В офисе: среднее (мин)
desk-csv-within-total-norm = В норме общего времени (%)
desk-csv-ratings = Оценок посетителей
desk-csv-rating-average = Средняя оценка
desk-csv-rating-within-wait-norm = Средняя оценка: в норме ожидания
desk-csv-rating-over-wait-norm = Средняя оценка: сверх нормы ожидания
desk-csv-rating-5 = Оценок «отлично»
desk-csv-rating-4 = Оценок «хорошо»
desk-csv-rating-3 = Оценок «удовлетворительно»
desk-csv-rating-2 = Оценок «плохо»
desk-csv-rating-1 = Оценок «очень плохо»

## Администрирование: офисы, темы, окна, сотрудники, устройства, журнал изменений

desk-tab-admin = Администрирование
desk-admin-screen-offices = Офисы и часы
desk-admin-screen-topics = Темы
desk-admin-screen-windows = Окна
desk-admin-screen-staff = Сотрудники
desk-admin-screen-devices = Устройства
desk-admin-screen-audit = Журнал изменений
desk-admin-loading = Загрузка…
desk-admin-saving = Сохранение…
desk-admin-office = Офис:
desk-admin-no-offices = Офисов ещё нет: создайте первый на странице «Офисы».
desk-admin-too-long = { $field }: не более { $count ->
    [one] { $count } символа
   *[other] { $count } символов
}
desk-admin-nothing-changed = Ничего не изменено.
desk-admin-bad-number = { $field } — целое число, 0 или больше.
desk-admin-move-up = Выше: { $what }
desk-admin-move-down = Ниже: { $what }
desk-admin-order = Порядок
desk-admin-offices = Список офисов
desk-admin-office-new = Новый офис
desk-admin-office-new-title = Создание офиса
desk-admin-office-title = Офис «{ $office }»
desk-admin-office-choose = Выберите офис слева.
desk-admin-office-save = Сохранить офис
desk-admin-office-saved = Офис «{ $office }» сохранён.
desk-admin-office-main = Основное
desk-admin-office-hours = Часы работы
desk-admin-office-name = Название офиса:
desk-admin-office-needs-name = Укажите название офиса.
desk-admin-choose-zone = Выберите часовой пояс из списка.
desk-admin-zone = Часовой пояс:
desk-admin-zone-search = Найти пояс:
desk-admin-zone-search-hint = город или пояс
desk-admin-zone-none = Такого пояса нет.
desk-admin-settings = Настройки очереди
desk-admin-stop-before-close = Киоск перестаёт выдавать талоны до закрытия за, мин:
desk-admin-queue-threshold = Длинная очередь: оповещать, когда ждут больше, чем:
desk-admin-monthly-limit = Предел среднего ожидания за месяц, мин:
desk-admin-idle-after = Оповещать о простое окна при ожидающих через, мин:
desk-admin-device-offline-after = Оповещать об устройстве не на связи через, мин:
desk-admin-escalate-after = Передавать непринятое нарушение начальнику отделения через, мин:
desk-admin-soon-when-ahead = «Скоро ваша очередь», когда впереди не больше:
desk-admin-feedback-hours = Оценить визит можно в течение, ч:
desk-admin-categories = Категории вне очереди (по одной в строке):
desk-admin-category = Категория вне очереди
desk-admin-too-many-categories = Категорий вне очереди — не больше { $count }.
desk-admin-info-line = Информационная строка табло:
desk-admin-week = Часы работы по дням недели
desk-admin-week-hint = Отметьте рабочие дни. Время — ЧЧ:ММ; обед можно не указывать.
desk-admin-hours-day = День
desk-admin-hours-open = Открытие
desk-admin-hours-close = Закрытие
desk-admin-hours-lunch-from = Обед с
desk-admin-hours-lunch-to = Обед до
desk-admin-bad-time = { $day }: время пишется как ЧЧ:ММ, например 08:30.
desk-admin-open-before-close = { $day }: офис должен открываться раньше, чем закрывается.
desk-admin-lunch-inside = { $day }: обед должен быть внутри часов работы.
desk-admin-lunch-both = { $day }: у обеда нужны и начало, и конец.
desk-admin-special-days = Особые дни
desk-admin-special-add = Добавить особый день
desk-admin-special-none = Особых дней нет: офис работает по расписанию недели.
desk-admin-special-hint = Праздник — снимите «Работает»; сокращённый день — укажите его часы.
desk-admin-special-row = Особый день { $n }
desk-admin-special-date = Дата
desk-admin-special-works = Работает
desk-admin-special-note = Примечание
desk-admin-special-remove-short = Убрать
desk-admin-special-remove = Убрать день { $n }
desk-admin-bad-date = Особый день: дата пишется как ГГГГ-ММ-ДД.
desk-admin-date-twice = { $date } указан среди особых дней дважды.
desk-admin-too-many-special-days = Особых дней — не больше { $count }.
desk-weekday-mon = Понедельник
desk-weekday-tue = Вторник
desk-weekday-wed = Среда
desk-weekday-thu = Четверг
desk-weekday-fri = Пятница
desk-weekday-sat = Суббота
desk-weekday-sun = Воскресенье
desk-city-kaliningrad = Калининград
desk-city-moscow = Москва
desk-city-kirov = Киров
desk-city-volgograd = Волгоград
desk-city-astrakhan = Астрахань
desk-city-saratov = Саратов
desk-city-ulyanovsk = Ульяновск
desk-city-samara = Самара
desk-city-yekaterinburg = Екатеринбург
desk-city-omsk = Омск
desk-city-novosibirsk = Новосибирск
desk-city-barnaul = Барнаул
desk-city-tomsk = Томск
desk-city-novokuznetsk = Новокузнецк
desk-city-krasnoyarsk = Красноярск
desk-city-irkutsk = Иркутск
desk-city-chita = Чита
desk-city-yakutsk = Якутск
desk-city-khandyga = Хандыга
desk-city-vladivostok = Владивосток
desk-city-ust-nera = Усть-Нера
desk-city-magadan = Магадан
desk-city-sakhalin = Южно-Сахалинск
desk-city-srednekolymsk = Среднеколымск
desk-city-kamchatka = Петропавловск-Камчатский
desk-city-anadyr = Анадырь
desk-admin-topics = Темы офиса
desk-admin-topics-none = Тем ещё нет.
desk-admin-topic-new = Новая тема
desk-admin-topic-new-title = Создание темы
desk-admin-topic-title = Тема { $topic }
desk-admin-topic-prefix = Префикс талона:
desk-admin-topic-name-ru = Название по-русски:
desk-admin-topic-name-en = Название по-английски:
desk-admin-topic-active = Тема действует (выдаётся в киоске)
desk-admin-topic-save = Сохранить тему
desk-admin-topic-saved = Тема «{ $topic }» сохранена.
desk-admin-topic-needs-name = Укажите название темы по-русски.
desk-admin-prefix-length = Префикс — одна или две буквы.
desk-admin-prefix-letters = Префикс — только русские или латинские буквы.
desk-admin-prefix-taken = Префикс { $prefix } уже у темы «{ $topic }»: номера талонов совпадут.
desk-admin-bad-norm = { $field } — целое число минут от 1 до 1440.
desk-admin-windows = Окна офиса
desk-admin-windows-none = Окон ещё нет.
desk-admin-window = Окно
desk-admin-window-topics = Обслуживает
desk-admin-window-state = Сейчас
desk-admin-window-in-use = Действует
desk-admin-window-new = Новое окно
desk-admin-window-new-title = Создание окна
desk-admin-window-title = Изменение окна { $window }
desk-admin-window-label = Номер или название окна:
desk-admin-window-active = Окно действует (его можно открыть)
desk-admin-window-serves = Темы, которые обслуживает окно:
desk-admin-window-order = Порядок тем окна:
desk-admin-window-save = Сохранить окно
desk-admin-window-saved = Окно { $window } сохранено.
desk-admin-window-needs-label = Укажите номер или название окна.
desk-admin-staff = Сотрудники и их роли
desk-admin-staff-none = Сотрудников нет.
desk-admin-staff-new = Новый сотрудник
desk-admin-staff-new-title = Добавление сотрудника
desk-admin-staff-title = Сотрудник { $login }
desk-admin-staff-login = Логин:
desk-admin-staff-name = Имя:
desk-admin-staff-password = Пароль:
desk-admin-staff-reset-password = Новый пароль (сброс):
desk-admin-staff-role-choice = Роль: { $role }
desk-admin-staff-role = Роль:
desk-admin-staff-offices = Офисы:
desk-admin-staff-regions = Отделения:
desk-admin-staff-no-regions = Отделений пока нет: добавьте их на экране «Отделения».
desk-admin-staff-column-login = Логин
desk-admin-staff-column-name = Имя
desk-admin-staff-column-role = Роль
desk-admin-staff-column-offices = Работает в офисах
desk-admin-staff-active = Действует
desk-admin-staff-is-active = Учётная запись действует
desk-admin-staff-sessions-end = Новый пароль или отключение завершают все входы сотрудника.
desk-admin-staff-save = Сохранить сотрудника
desk-admin-staff-saved = Сотрудник { $name } сохранён.
desk-admin-staff-needs-name = Укажите имя сотрудника.
desk-admin-staff-needs-login = Укажите логин.
desk-admin-password-short = Пароль — не короче { $count ->
    [one] { $count } символа
   *[other] { $count } символов
}.
desk-admin-devices = Киоски и экраны: { $office }
desk-admin-devices-none = Устройств ещё нет.
desk-admin-device-name = Название:
desk-admin-device-add-kiosk = Добавить киоск
desk-admin-device-add-display = Добавить экран
desk-admin-device-column-name = Название
desk-admin-device-kind = Вид
desk-admin-device-last-seen = Последняя связь
desk-admin-device-state = Состояние
desk-admin-device-faults = Неисправности
desk-admin-device-online = на связи
desk-admin-device-offline-since = не на связи с { $since }
desk-admin-device-never = ещё не подключалось
desk-admin-device-revoked = отозвано
desk-admin-device-revoke = Отозвать «{ $device }»
desk-admin-device-revoke-sure = Отозвать «{ $device }»? Устройство перестанет работать.
desk-admin-device-revoke-yes = Да, отозвать
desk-admin-token-title = { $kind } «{ $device }» добавлен. Его ключ:
desk-admin-token-once = Ключ показывается один раз: больше его не увидит никто.
desk-admin-token-how = Введите ключ в настройках устройства или наведите его камеру на QR-код.
desk-admin-token-qr = QR-код ключа устройства
desk-admin-token-hide = Скрыть ключ
desk-admin-token-show = Показать ключ
desk-admin-token-done = Ключ перенесён, закрыть
desk-device-kiosk = Киоск
desk-device-display = Экран
desk-device-fault-printer = принтер
desk-device-fault-audio = звук
desk-admin-audit = Кто, когда и что изменил
desk-audit-office = Офис:
desk-audit-all-offices = все офисы
desk-audit-person = Кто:
desk-audit-everyone = все
desk-audit-kind = Что:
desk-audit-all-actions = все изменения
desk-audit-apply = Показать
desk-audit-empty = Изменений за этот период нет.
desk-audit-when = Когда
desk-audit-who = Кто
desk-audit-action = Изменение
desk-audit-subject = Что изменено
desk-audit-show-short = Подробнее
desk-audit-hide-short = Скрыть
desk-audit-show = Подробнее: { $action }, { $subject }
desk-audit-hide = Скрыть: { $action }, { $subject }
desk-audit-field = Поле
desk-audit-before = Было
desk-audit-after = Стало
desk-audit-no-fields = Поля не изменились.
desk-audit-office-created = Офис создан
desk-audit-office-changed = Офис изменён
desk-audit-topic-created = Тема создана
desk-audit-topic-changed = Тема изменена
desk-audit-window-created = Окно создано
desk-audit-window-changed = Окно изменено
desk-audit-staff-created = Сотрудник добавлен
desk-audit-staff-changed = Сотрудник изменён
desk-audit-password-reset = Пароль сброшен
desk-audit-password-changed = Пароль сменён
desk-audit-device-created = Устройство добавлено
desk-audit-device-revoked = Устройство отозвано
desk-audit-reception-changed = Приём по записи изменён
desk-audit-region-created = Отделение создано
desk-audit-region-changed = Отделение изменено
desk-alert-device-offline = { $kind } «{ $device }» не на связи
desk-alert-device-offline-since = { $kind } «{ $device }» не на связи с { $since }
desk-alert-device-fault = { $kind } «{ $device }»: { $fault } — { $message }
desk-password-open = Сменить пароль
desk-password-title = Смена своего пароля
desk-password-current = Текущий пароль:
desk-password-new = Новый пароль:
desk-password-repeat = Новый пароль ещё раз:
desk-password-rule = Не короче { $count ->
    [one] { $count } символа
   *[other] { $count } символов
}.
desk-password-save = Сохранить новый пароль
desk-password-changed = Пароль изменён.
desk-password-close = Закрыть
desk-password-current-needed = Введите текущий пароль.
desk-password-mismatch = Новый пароль и повтор не совпадают.

## Администрирование: отделения

desk-admin-screen-regions = Отделения
desk-admin-regions = Территориальные отделения
desk-admin-regions-hint = Начальник отделения видит все офисы своих отделений. Отметьте, какие офисы входят в отделение.
desk-admin-regions-none = Отделений пока нет.
desk-admin-region-new = Новое отделение
desk-admin-region-new-field = Название нового отделения
desk-admin-region-add = Добавить отделение
desk-admin-region-name = Отделение
desk-admin-region-offices = Офисы отделения
desk-admin-region-actions = Действия
desk-admin-region-needs-name = У отделения должно быть название.
desk-admin-region-saved = Отделение «{ $name }» сохранено.
desk-admin-region-rename = Переименовать «{ $name }»
desk-admin-region-rename-field = Новое название для «{ $name }»
desk-admin-region-save = Сохранить название
desk-admin-region-has-office = Офис «{ $office }» в отделении «{ $region }»

## Report files from the server (desk: reports screen)
desk-files-title = Файлы отчётов
desk-files-kind = Отчёт:
desk-files-kind-topics = Темы
desk-files-kind-agents = Работа сотрудников
desk-files-kind-hourly = По часам
desk-files-kind-compliance = Нормы за месяц
desk-files-kind-feedback = Оценки
desk-files-kind-appointments = Записи на приём
desk-files-scope = Охват:
desk-files-region = Регион «{ $name }»
desk-files-all = Вся компания
desk-files-format = Формат:
desk-files-folder = Папка:
desk-files-download = Скачать отчёт
desk-files-making = Сервер готовит файл…
desk-files-saved = Сохранено: { $path } ({ $size })
desk-files-size = { $kb } КБ
desk-files-kept-title = Ежемесячные отчёты
desk-files-kept-refresh = Обновить список
desk-files-kept-none = Отчётов за прошедшие месяцы пока нет: сервер делает их первого числа.
desk-files-kept-hint = Нажмите на отчёт, чтобы сохранить его в { $format }.
desk-files-kept-save = { $month } · { $scope }

## Staffing advice (desk: head's board)
desk-advice-title = Советы по окнам
desk-advice-none = Советов нет: открытые окна справляются.
desk-advice-open-by = Откройте ещё одно окно для «{ $topic }»: иначе к { $time } ожидание превысит { $norm } мин
desk-advice-open-now = Откройте ещё одно окно для «{ $topic }»: ожидание уже превышает { $norm } мин
desk-advice-open = Откройте ещё одно окно для «{ $topic }»: иначе ожидание может превысить { $norm } мин
desk-advice-open-none = Откройте окно для «{ $topic }»: эту тему сейчас не обслуживает ни одно окно
desk-advice-add = Окно { $window } может взять тему «{ $topic }»
desk-advice-close = Окно { $window } можно закрыть до { $time }
desk-advice-numbers = Ожидается { $arrivals } в час, обслуживание { $service } мин; окон { $open }, нужно { $needed }; дольше нормы ждали бы { $share }

## Notifications outside the desk (desk: administration)
desk-admin-screen-notify = Оповещения по почте и вебхукам
desk-notify-title = Куда уходят оповещения офиса
desk-notify-hint = Нарушения нормы ожидания и длинные очереди и каждый шаг их эскалации: вебхук получает подписанный JSON (HMAC-SHA256), почта — письмо. Неудачные доставки повторяются.
desk-notify-webhook = Вебхук
desk-notify-email = Почта
desk-notify-address = Адрес
desk-notify-new-address = Новый адрес:
desk-notify-address-prompt = URL вебхука или почта:
desk-notify-in-english = Письма на английском
desk-notify-add = Добавить
desk-notify-needs-address = Укажите адрес: URL вебхука или адрес почты.
desk-notify-added = Добавлено: { $address }
desk-notify-added-secret = Добавлено: { $address }. Ключ подписи (показан один раз): { $secret }
desk-notify-none = Оповещения этого офиса никуда не уходят.
desk-notify-kind = Вид
desk-notify-log-of = Журнал { $address }
desk-notify-stop = Отключить { $address }
desk-notify-log = Доставки на { $address }
desk-notify-log-empty = Доставок ещё не было.
desk-notify-log-when = Когда
desk-notify-log-status = Состояние
desk-notify-log-attempts = Попыток
desk-notify-log-error = Последняя ошибка
desk-notify-delivered = доставлено
desk-notify-pending = повторится
desk-notify-failed = не доставлено

## What if (desk: norms tab)
desk-whatif-title = План дня: что если
desk-whatif-hint = Сколько окон открыто с какого часа до какого: «9-12:3, 12-14:2, 14-18:3». Окна берутся по порядку (в офисе { $windows }), с темами, которые они обслуживают сейчас; приход посетителей — по четырём таким же дням недели.
desk-whatif-plan = План:
desk-whatif-day = День:
desk-whatif-run = Рассчитать
desk-whatif-bad-plan = План — в виде «9-12:3, 12-14:2»: часы с-по и число окон, каждый час один раз.
desk-whatif-too-many = В плане { $count } окон, а в офисе { $windows }.
desk-whatif-no-history = Истории за такие дни недели нет: посетителей не ожидается.
desk-whatif-outcome = Посетителей за день: { $visitors }; в норме ожидания: { $within }; среднее ожидание { $wait }; окно-часов: { $hours }
desk-whatif-peak = Хуже всего в { $hour }: в среднем { $wait } ожидания
desk-whatif-topic = { $topic }: { $visitors } посетителей, в норме { $within }, среднее ожидание { $wait }
