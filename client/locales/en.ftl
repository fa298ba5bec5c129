### The texts of every Talon app in English, the second language. The ids are those of
### ru.ftl, in the same order; a text missing here is shown in Russian.
###
### How to edit: the id on the left is what the code asks for (do not change it); the
### text is on the right. { $name } is a value the app fills in (a ticket number, a
### count, a time). Counts choose the form of a word:
###     { $people ->
###         [one] { $people } person
###        *[other] { $people } people
###     }
### one is 1; other is every other count; [0] is exactly zero; the star marks the
### default form.

## Shared by every app

# The language's name in itself: shown on the button that switches to it.
common-language-name = English
common-online = Online
common-connecting = Connecting…
common-offline = No connection to the server
# A duration in whole minutes, short: "15 min".
common-minutes = { $minutes } min
common-hours = { $hours } h
# The notice for a window on a break (the standard prescribes the Russian wording).
common-paused-notice = Dear clients! Service is temporarily suspended. We apologise for the inconvenience

## Kiosk: where visitors take tickets. Read from a metre away: short and large.

kiosk-window-title = Talon — kiosk
# Instead of the office's name while the kiosk does not know its office yet.
kiosk-app-title = Talon — electronic queue
kiosk-choose-topic = Choose the topic of your visit
kiosk-no-topics = No topics are open for the queue now
kiosk-people = { $people ->
        [one] { $people } person
       *[other] { $people } people
    }
kiosk-about-minutes = { $minutes ->
        [one] about { $minutes } minute
       *[other] about { $minutes } minutes
    }
# The line on a topic button: "Waiting: 3 people · about 15 minutes". It should fit on
# one line under the topic's name.
kiosk-topic-load = Waiting: { kiosk-people } · { $minutes ->
        [0] no wait
       *[other] { kiosk-about-minutes }
    }
kiosk-out-of-turn-button = Out of turn
kiosk-out-of-turn-button-hint = for visitors entitled to it by law
kiosk-out-of-turn-title = Service out of turn
kiosk-out-of-turn-who = The right to be served out of turn belongs to:
kiosk-out-of-turn-proof = Show the supporting document to the specialist at the window.
kiosk-out-of-turn-choose = Choose the topic of your visit:
kiosk-back = Back
kiosk-issuing = Issuing your ticket…
kiosk-issuing-wait = Please wait
kiosk-check-in-button = I have a booking
kiosk-check-in-button-hint = booked ahead? type your booking code
kiosk-check-in-title = Type your booking code
kiosk-check-in-hint = The 8 digits of your booking
kiosk-key-erase = Erase
kiosk-key-done = Done
kiosk-checking-in = Checking your booking…
kiosk-check-in-too-early = Too early to check in
kiosk-check-in-opens = Check-in opens
kiosk-check-in-too-late = The time to check in has passed
kiosk-check-in-too-late-hint = The booking no longer holds. Take a normal ticket: you will be called in turn.
kiosk-check-in-take-ticket = Take a normal ticket
kiosk-no-booking = Booking not found
kiosk-no-booking-hint = Check the digits of the code and type it again.

## Kiosk: the ticket on screen and on paper. The paper ticket is printed in code page
## PC866: quotes and dashes print as " and -, other signs outside ASCII as ?.

kiosk-your-ticket = Your ticket
kiosk-out-of-turn-mark = OUT OF TURN
kiosk-issued-at = Issued: { $time }
kiosk-people-ahead = Ahead of you: { kiosk-people }
kiosk-estimated-wait = Estimated wait: { $minutes ->
        [0] under a minute
       *[other] { kiosk-about-minutes }
    }
kiosk-watch-display = Watch the hall display for your number
kiosk-qr-caption = Ticket status — point your phone camera here
# For screen readers: what the picture is.
kiosk-qr-label = QR code of the ticket status
kiosk-printing = Printing your ticket…
kiosk-printed = Take your ticket from the printer
kiosk-printer-failed = The printer is not working. Remember your number — it is already in the queue.
kiosk-no-printer = Remember your number or take a photo of the screen
kiosk-done = Done
kiosk-tap-to-return = Touch the screen to return

## Kiosk: why no ticket was issued

kiosk-unavailable = Ticket issuing is temporarily unavailable
kiosk-unavailable-hint = Please ask the hall administrator or try again in a few minutes.
kiosk-outside-hours = Tickets are not being issued now
kiosk-next-opening = Ticket issuing starts
kiosk-no-hours = No opening hours are set. Please ask the hall administrator.
# The server's message follows.
kiosk-refused = No ticket was issued
kiosk-opening-today = today at { $time }
kiosk-opening-tomorrow = tomorrow at { $time }
# { $date } is "23.11.2026".
kiosk-opening-date = { $date } at { $time }
kiosk-not-authorized = The kiosk is not admitted by the server: check the kiosk token

## Hall display: the calls in large type, the queue, windows on a break. Ticket
## numbers only, never names.

display-window-title = Talon — hall display
# "А015 → window 3".
display-call-to-window = { $ticket } → window { $window }
display-new-call = New call
display-repeated-call = Call repeated
display-current-call = Now calling
display-no-calls-yet = Please wait for your number on this screen
display-recent-calls = Previous calls
display-queue = Queue
display-waiting = waiting: { $count }
display-estimated-wait = ≈ { $minutes } min
display-no-wait = no wait
display-no-window-open = no window open
display-paused-window = Window { $window } — back at { $time }
# A window on a break with no time of return.
display-paused-window-untimed = Window { $window }
# The categories of visitors follow, separated by semicolons.
display-out-of-turn = Served out of turn:
display-stale = The data may be out of date
display-sound-unavailable = Sound unavailable — calls are shown on screen only
display-sound-off = Sound off
display-connecting = Connecting to the server…
display-unreachable = The server cannot be reached. Trying again in a few seconds.
display-refused = The server refused: { $message }
display-no-office = This display has no office: check the display token.
# The detail, for the administrator, follows the colon.
display-bad-answer = Unexpected answer from the server: { $detail }
# "Friday, 20 November": weekday, day, month.
display-date = { $weekday }, { $day } { $month }
display-weekday-monday = Monday
display-weekday-tuesday = Tuesday
display-weekday-wednesday = Wednesday
display-weekday-thursday = Thursday
display-weekday-friday = Friday
display-weekday-saturday = Saturday
display-weekday-sunday = Sunday
display-month-january = January
display-month-february = February
display-month-march = March
display-month-april = April
display-month-may = May
display-month-june = June
display-month-july = July
display-month-august = August
display-month-september = September
display-month-october = October
display-month-november = November
display-month-december = December

## ———— The staff desk and the office head's monitor ————

## Desk: the app window, sign-in

desk-window-title = Talon — staff desk
desk-sign-in-not-kept = The sign-in is not kept; sign in again after a restart. { $path }: { $error }
desk-session-ended = Your session has ended or was revoked. Please sign in again.

## Desk: signing in and resuming a sign-in

desk-signin-title = Talon — staff desk
desk-signin-subtitle = Sign in for window agents and office heads
desk-signin-server = Server:
desk-signin-login = Login:
desk-signin-password = Password:
desk-signin-submit = Sign in
desk-signin-busy = Signing in…
desk-signin-restoring = Restoring your sign-in…
desk-signin-retrying = Trying again…
desk-signin-again = Sign in again

## Desk: the top bar, tabs, the connection

desk-tab-board = Office board
desk-tab-charts = Charts
desk-tab-norms = Norms
desk-tab-reports = Reports
desk-tab-offices = Offices
desk-tab-desk = My window
desk-tab-bookings = Bookings
desk-booking-title = Book a visitor
desk-booking-none = This office takes no bookings ahead: make a topic bookable in its settings, or set reception hours.
desk-booking-what = For:
desk-booking-day = Day:
desk-booking-show-times = Show free times
desk-booking-no-times = No free times on this day.
desk-booking-choose = Choose what to book and the day (YYYY-MM-DD).
desk-booking-name = Name:
desk-booking-phone = Phone:
desk-booking-consent = Name and phone only with the visitor's consent, and only to reach them about this booking.
desk-booking-book = Book for { $time }
desk-booking-done = Booked for { $time }. Booking code: { $code }
desk-booking-tell-code = Tell the visitor the code: they type it at the kiosk (“I have a booking”).
desk-bookings-of-day = Bookings of a day
desk-bookings-show = Show bookings
desk-bookings-empty = No bookings on this day.
desk-bookings-column-time = Time
desk-bookings-column-what = For
desk-bookings-column-status = State
desk-bookings-column-name = Name
desk-bookings-column-phone = Phone
desk-bookings-column-code = Code
desk-booking-status-booked = booked
desk-booking-status-checked-in = came
desk-booking-status-cancelled = cancelled
desk-booking-status-no-show = did not come
desk-booking-cancel = Cancel the booking for { $time }
desk-offline-for = No connection for { $seconds } s — data may be out of date
desk-sign-out = Sign out
desk-role-agent = agent
desk-role-head = office head
desk-role-admin = administrator
desk-no-office = You are not assigned to any office. Ask an administrator.

## Desk: window states, alerts, errors

desk-window-closed = closed
desk-window-idle = free
desk-window-calling = calling
desk-window-serving = serving
desk-window-paused = on a break
desk-window-name = Window { $window }
desk-alert-wait-breach = Ticket { $ticket } has waited past the norm ({ $topic })
desk-alert-long-queue = Long queue: { $topic } — { $count } waiting
desk-alert-idle-window = Window { $window } is idle while people wait
desk-alert-service-breach = Service of ticket { $ticket } at window { $window } is past the norm
desk-alert-poor-rating = A visitor rated “{ $rating }”: ticket { $ticket }, window { $window }
desk-rating-word = { $rating ->
    [1] very poor
    [2] poor
    [3] satisfactory
    [4] good
   *[5] excellent
}
desk-error-refused = The server refused: { $message }
desk-error-unreachable = The server cannot be reached. Check the network and try again.
desk-error-protocol = Unexpected answer from the server ({ $detail }). Update the app.

## Desk: the norm beside a timer

desk-norm-ok = within norm
desk-norm-warning = near the norm
desk-norm-breach = over the norm
desk-norm-line = norm { $minutes } min · { $verdict }

## Desk: the answer to an action

desk-working = Working…
desk-dismiss = Dismiss

## Agent desk: actions (the F… key is added by the app) and hints

desk-act-call-next = Call next
desk-act-recall = Recall
desk-act-start = Start service
desk-act-finish = Finish
desk-act-no-show = No-show
desk-act-transfer = Transfer
desk-act-postpone = Postpone
desk-act-pause = Break
desk-act-resume = Resume
desk-act-close = Close window
desk-act-call-next-waiting = { desk-act-call-next }  ({ $count } waiting)
desk-hint-call-next = You can call the next visitor.
desk-hint-queue-empty = Nobody waits for this window. New tickets appear here by themselves.
desk-hint-calling = The visitor is on the way: start the service, recall, or mark a no-show.
desk-hint-serving = Serving. Finish the visit or transfer the visitor.
desk-hint-paused = The window is on a break: visitors see a notice on the display.
desk-hint-closed = The window is closed.

## Agent desk: the window and the visitor at it

desk-state-since = since { $time }
desk-window-topics = Topics: { $topics }
desk-transferred = transferred { $count }
desk-recalls = recalls: { $count }
desk-called-walking = Called, on the way: { $time }
desk-break-reason = Break: { $reason }
desk-expected-back = Expected back at { $time }
desk-visitors-see = Visitors see: «{ common-paused-notice }»
desk-card-nobody = Nobody at the window
desk-card-closed = The window is closed
desk-card-loading = Loading the ticket…
desk-badge-out-of-turn = OUT OF TURN
desk-timer-waited = Waited
desk-timer-service = Service

## Agent desk: choosing a window

desk-open-window = Open window { $window }
desk-loading-office = Loading the office…
desk-picker-title = Choose your window and open it
desk-picker-hint = The window stays yours until you close it.

## Desk: the queue

desk-window-queue = Queue for this window: { $count }
desk-queue-empty = Nobody is waiting.
desk-mark-out-of-turn = out of turn
desk-mark-sent-here = sent to this window
desk-mark-front = front of the queue

## Agent desk: figures of the day

desk-today-title = My figures today
desk-loading = Loading…
desk-today-none = You have served nobody yet today.
desk-served = Served
desk-no-shows = No-shows
desk-today-average-wait = Average wait
desk-today-average-service = Average service
desk-today-within-wait-norm = Within wait norm
desk-today-within-service-norm = Within service norm

## Desk: forms

desk-form-cancel = Cancel  [Esc]

## The "finish the visit" form

desk-outcome-resolved = Resolved
desk-outcome-deferred = Deferred with a deadline
desk-outcome-refused = Refused with reasons
desk-outcome-other = Other
desk-overrun-force-majeure = force majeure
desk-overrun-technical-failure = technical failure
desk-overrun-visitor-case = the visitor's case
desk-finish-title = Finish the visit
desk-finish-outcome = Outcome:
desk-finish-deadline = Deadline told to the visitor:
desk-finish-deadline-hint = YYYY-MM-DD
desk-finish-refusal-reasons = Reasons for the refusal:
desk-finish-note = Note:
desk-finish-topics-count = Topics covered:
desk-finish-more-than-three = more than 3
desk-finish-overrun = Over the norm because of:
desk-overrun-none = no reason
desk-finish-confirm = Finish
desk-finish-bad-deadline = Give the deadline as a date: YYYY-MM-DD.

## The break form

desk-pause-reason-break = Break
desk-pause-reason-lunch = Lunch
desk-pause-reason-paperwork = Paperwork
desk-pause-reason-failure = Technical failure
desk-pause-display-shows = The display shows the return at { $time }
desk-pause-title = Pause the window
desk-pause-reason = Reason:
desk-field-required = required
desk-pause-back-in = Back in, minutes:
desk-field-optional = optional
desk-pause-confirm = Start the break
desk-pause-bad-minutes = The return time is a number of minutes (or leave it empty).

## The postpone form

desk-postpone-title = Postpone the ticket
desk-postpone-hint = The visitor returns to their place in the queue after this time.
desk-postpone-minutes = Minutes:
desk-postpone-confirm = Postpone
desk-postpone-bad-minutes = Enter a number of minutes.

## The transfer form

desk-transfer-ticket = Transfer ticket { $ticket }
desk-to-window = to window { $window }
desk-transfer-to = To:
desk-transfer-to-topic = a topic
desk-transfer-to-a-window = a window
desk-transfer-no-window = No other window is open.
desk-transfer-place = Place in the queue:
desk-transfer-front = front
desk-transfer-back = back
desk-transfer-confirm = Transfer

## Office head: alerts

desk-new-alert = New alert: { $alert }
desk-alerts-count = Alerts: { $count }
desk-alert-acknowledge = Got it
desk-alerts-none = No alerts

## Office head: the office board

desk-window-topics-form = Window { $window }: topics served
desk-office-waiting = Waiting: { $count }
desk-board-windows = Windows
desk-board-column-window = Window
desk-board-column-agent = Agent
desk-board-column-state = State
desk-board-column-ticket = Ticket
desk-board-column-for = For
desk-topics = Topics
desk-board-select-window = Select a window to change its topics, pause or close it.
desk-board-change-topics = Change topics
desk-board-pause = Pause
desk-board-resume = Resume
desk-board-close = Close the window
desk-board-topics-hint = When the queue grows, split the topics between windows: each group to its own specialists.
desk-board-save-topics = Save topics
desk-board-topics-saved = Window topics saved.
desk-mark-sent-to-window = sent to a window

## Office head: charts

desk-chart-waiting-title = Waiting per topic over the day
desk-chart-waiting-hint = Recorded while the app is open; X is the hour in the office's time.
desk-chart-office-time = office time
desk-chart-waiting-axis = waiting
desk-chart-norm-title = Waits today against the norm
desk-chart-loading = Loading the statistics…
desk-chart-minutes-axis = minutes
desk-chart-average = Average
desk-median = Median
desk-chart-p90 = 90th percentile
desk-chart-wait-norm = Wait norm

## Office head: norms

desk-norm-average = on average { $minutes } min
desk-norm-hard-max = at most { $minutes } min
desk-topic-norms = Norms of { $topic }
desk-norm-edit-wait = Wait norm, min:
desk-norm-edit-service = Service norm, min:
desk-norm-edit-total = Total time norm, min:
desk-norms-bad-minutes = Norms are whole minutes.
desk-norms-title = Topics and norms
desk-norms-standard = The standard: wait at most 15 min, service 20 min, 35 min in the office; the service norm applies to visits of up to 3 topics.
desk-norms-column-topic = Topic (select to edit)
desk-norms-column-wait = Wait
desk-norms-column-total = In the office
desk-norms-column-active = Active
desk-yes = yes
desk-no = no
desk-norm-kind-hard-max = at most (every visit)
desk-norm-kind-average = on average
desk-norms-save = Save the norms
desk-norms-saved = The norms are saved.

## Office head: offices

desk-office-is-open = Open
desk-open-office = Open «{ $office }»
desk-offices-title = Offices
desk-offices-refresh = Refresh
desk-offices-loading = Loading the offices…
desk-offices-column-office = Office
desk-column-waiting = Waiting
desk-offices-column-windows-open = Windows open
desk-offices-column-alerts = Alerts
desk-offices-column-longest-wait = Longest wait

## Office head: reports

desk-date-hint = YYYY-MM-DD
desk-report-from = From:
desk-report-to = To:
desk-report-period = Period: { $from } — { $to }
desk-report-saved = Report saved: { $path }
desk-report-not-saved = Could not save { $path }: { $error }
desk-month-no-calls = Average wait of the month { $month }: no ticket called
desk-month-within-limit = within the limit
desk-month-over-limit = over the limit
desk-month-wait = Average wait of the month { $month }: { $average } { $verdict } (limit { $limit }), called: { $called }
desk-report-title = Report for a period
desk-report-today = Today
desk-report-this-month = This month
desk-report-last-month = Last month
desk-report-show = Show
desk-report-choose = Choose a period and press Show.
desk-report-by-topic = By topic
desk-report-total = Total
desk-report-by-agent = By agent
desk-report-no-visits = No visits served.
desk-report-bad-dates = Give the dates as YYYY-MM-DD.
desk-report-csv-file = CSV file:
desk-report-export = Export to CSV
desk-report-column-issued = Issued
desk-report-column-transfers = Transfers
desk-report-column-wait-average = Wait avg
desk-report-column-wait-p90 = 90%
desk-report-column-wait-in-norm = Wait in norm
desk-report-column-service-average = Service avg
desk-report-column-service-in-norm = Service in norm
desk-report-column-ratings = Ratings
desk-report-column-rating-average = Avg rating
desk-report-column-rating-within = Rating, wait in norm
desk-report-column-rating-over = Rating, wait over norm
desk-report-bookings = Bookings ahead
desk-report-no-bookings = No bookings in this period.
desk-report-bookings-made = Bookings
desk-report-bookings-kept = Came
desk-report-bookings-moved = Moved
desk-report-bookings-cancelled = Cancelled
desk-report-bookings-no-shows = Did not come
desk-report-bookings-pending = To come
desk-report-bookings-wait = Booked wait
desk-report-bookings-in-norm = Within booked norm
desk-report-bookings-lead = Booked ahead by

## Office head: the topics table

desk-topics-column-topic = Topic
desk-topics-column-norm = Norm
desk-topics-column-longest = Longest
desk-topics-column-average-today = Average today
desk-topics-column-within-norm = Within norm
desk-topics-column-estimate = Estimate
desk-topics-column-windows = Windows
desk-topics-no-window = no window

## The CSV report: column headers

desk-csv-period-from = Period from
desk-csv-period-to = Period to
desk-csv-total = Total
desk-csv-topic = Topic
desk-csv-agent = Agent
desk-csv-month = Month
desk-csv-called = Called
desk-csv-average-wait = Average wait (min)
desk-csv-limit = Limit (min)
desk-csv-within-limit = Within limit
desk-csv-yes = yes
desk-csv-no = no
desk-csv-section = Section
desk-csv-code = Code
desk-csv-name = Name
desk-csv-issued = Issued
desk-csv-finished = Finished
desk-csv-resolved = Resolved
desk-csv-deferred = Deferred
desk-csv-refused = Refused
desk-csv-other = Other
desk-csv-no-shows = No-shows
desk-csv-cancelled = Cancelled
desk-csv-unfinished = Unfinished
desk-csv-transfers = Transfers
desk-csv-wait-average = Wait: average (min)
desk-csv-wait-median = Wait: median (min)
desk-csv-wait-p90 = Wait: 90th percentile (min)
desk-csv-within-wait-norm = Within wait norm (%)
desk-csv-service-average = Service: average (min)
desk-csv-service-median = Service: median (min)
desk-csv-service-p90 = Service: 90th percentile (min)
desk-csv-within-service-norm = Within service norm (%)
desk-csv-total-average = In the office: average (min)
desk-csv-within-total-norm = Within total norm (%)
desk-csv-ratings = Visitor ratings
desk-csv-rating-average = Average rating
desk-csv-rating-within-wait-norm = Average rating: within wait norm
desk-csv-rating-over-wait-norm = Average rating: over wait norm
desk-csv-rating-5 = Rated excellent
desk-csv-rating-4 = Rated good
desk-csv-rating-3 = Rated satisfactory
desk-csv-rating-2 = Rated poor
desk-csv-rating-1 = Rated very poor
