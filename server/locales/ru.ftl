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
