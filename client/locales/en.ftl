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
# A forecast wait: the range that holds 8 waits in 10.
common-wait-range = ≈ { $low }–{ $high } min
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
kiosk-topic-load-range = Waiting: { kiosk-people } · ≈ { $low }–{ $high } min
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
kiosk-wait-range = Estimated wait: ≈ { $low }–{ $high } min
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
desk-role-region-head = region head
desk-role-head-office = head office
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
desk-alert-at-region = passed to the region head
desk-alert-at-head-office = passed to the head office
desk-alert-taken = taken on by { $name } at { $time }: { $comment }
desk-alert-take-short = Take on…
desk-alert-take = Take on the alert: { $alert }
desk-alert-comment = What is being done:
desk-alert-take-confirm = Take on
desk-alert-comment-needed = Say what is being done: an alert is not taken on without a comment.
desk-alert-taken-done = Alert taken on.
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
desk-offices-column-windows-open = Windows
desk-offices-column-alerts = Alerts
desk-offices-column-longest-wait = Longest wait
desk-offices-column-breaches = Breaches
desk-offices-column-within-norm = Within norm today
desk-offices-column-month = Month's wait
desk-offices-month-of-limit = { $average } of { $limit }
desk-offices-region = Region:
desk-offices-all-regions = All
desk-offices-none = No offices
desk-offices-alerts-escalated = { $count } (passed up: { $escalated })

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

## Administration: offices, topics, windows, staff, devices, audit log

desk-tab-admin = Administration
desk-admin-screen-offices = Offices and hours
desk-admin-screen-topics = Topics
desk-admin-screen-windows = Windows
desk-admin-screen-staff = Staff
desk-admin-screen-devices = Devices
desk-admin-screen-audit = Audit log
desk-admin-loading = Loading…
desk-admin-saving = Saving…
desk-admin-office = Office:
desk-admin-no-offices = No offices yet: create the first one under “Offices and hours”.
desk-admin-too-long = { $field }: at most { $count ->
    [one] { $count } character
   *[other] { $count } characters
}
desk-admin-nothing-changed = Nothing was changed.
desk-admin-bad-number = { $field } is a whole number, 0 or more.
desk-admin-move-up = Up: { $what }
desk-admin-move-down = Down: { $what }
desk-admin-order = Order
desk-admin-offices = List of offices
desk-admin-office-new = New office
desk-admin-office-new-title = Creating an office
desk-admin-office-title = Office “{ $office }”
desk-admin-office-choose = Choose an office on the left.
desk-admin-office-save = Save the office
desk-admin-office-saved = Office “{ $office }” saved.
desk-admin-office-main = General
desk-admin-office-hours = Opening hours
desk-admin-office-name = Office name:
desk-admin-office-needs-name = Give the office a name.
desk-admin-choose-zone = Choose a time zone from the list.
desk-admin-zone = Time zone:
desk-admin-zone-search = Find a zone:
desk-admin-zone-search-hint = city or zone
desk-admin-zone-none = No such zone.
desk-admin-settings = Queue settings
desk-admin-stop-before-close = The kiosk stops issuing before closing, min:
desk-admin-queue-threshold = Long queue: alert when more than this many wait:
desk-admin-monthly-limit = Monthly average wait limit, min:
desk-admin-idle-after = Alert on an idle window while people wait after, min:
desk-admin-device-offline-after = Alert on a device out of contact after, min:
desk-admin-escalate-after = Pass a breach nobody took on to the region head after, min:
desk-admin-soon-when-ahead = “Your turn soon” when at most this many are ahead:
desk-admin-feedback-hours = A visit can be rated within, hours:
desk-admin-categories = Out-of-turn categories (one per line):
desk-admin-category = An out-of-turn category
desk-admin-too-many-categories = At most { $count } out-of-turn categories.
desk-admin-info-line = Information line of the hall display:
desk-admin-week = Opening hours by weekday
desk-admin-week-hint = Tick the working days. Times as HH:MM; the lunch break is optional.
desk-admin-hours-day = Day
desk-admin-hours-open = Opens
desk-admin-hours-close = Closes
desk-admin-hours-lunch-from = Lunch from
desk-admin-hours-lunch-to = Lunch to
desk-admin-bad-time = { $day }: write times as HH:MM, e.g. 08:30.
desk-admin-open-before-close = { $day }: the office must open before it closes.
desk-admin-lunch-inside = { $day }: the lunch break must lie inside the opening hours.
desk-admin-lunch-both = { $day }: a lunch break needs both a start and an end.
desk-admin-special-days = Special days
desk-admin-special-add = Add a special day
desk-admin-special-none = No special days: the office keeps its weekly hours.
desk-admin-special-hint = A holiday: untick “Open”; a shortened day: give its hours.
desk-admin-special-row = Special day { $n }
desk-admin-special-date = Date
desk-admin-special-works = Open
desk-admin-special-note = Note
desk-admin-special-remove-short = Remove
desk-admin-special-remove = Remove day { $n }
desk-admin-bad-date = Special day: write the date as YYYY-MM-DD.
desk-admin-date-twice = { $date } is listed twice among the special days.
desk-admin-too-many-special-days = At most { $count } special days.
desk-weekday-mon = Monday
desk-weekday-tue = Tuesday
desk-weekday-wed = Wednesday
desk-weekday-thu = Thursday
desk-weekday-fri = Friday
desk-weekday-sat = Saturday
desk-weekday-sun = Sunday
desk-city-kaliningrad = Kaliningrad
desk-city-moscow = Moscow
desk-city-kirov = Kirov
desk-city-volgograd = Volgograd
desk-city-astrakhan = Astrakhan
desk-city-saratov = Saratov
desk-city-ulyanovsk = Ulyanovsk
desk-city-samara = Samara
desk-city-yekaterinburg = Yekaterinburg
desk-city-omsk = Omsk
desk-city-novosibirsk = Novosibirsk
desk-city-barnaul = Barnaul
desk-city-tomsk = Tomsk
desk-city-novokuznetsk = Novokuznetsk
desk-city-krasnoyarsk = Krasnoyarsk
desk-city-irkutsk = Irkutsk
desk-city-chita = Chita
desk-city-yakutsk = Yakutsk
desk-city-khandyga = Khandyga
desk-city-vladivostok = Vladivostok
desk-city-ust-nera = Ust-Nera
desk-city-magadan = Magadan
desk-city-sakhalin = Yuzhno-Sakhalinsk
desk-city-srednekolymsk = Srednekolymsk
desk-city-kamchatka = Petropavlovsk-Kamchatsky
desk-city-anadyr = Anadyr
desk-admin-topics = Topics of the office
desk-admin-topics-none = No topics yet.
desk-admin-topic-new = New topic
desk-admin-topic-new-title = Creating a topic
desk-admin-topic-title = Topic { $topic }
desk-admin-topic-prefix = Ticket prefix:
desk-admin-topic-name-ru = Name in Russian:
desk-admin-topic-name-en = Name in English:
desk-admin-topic-active = The topic is in use (issued at the kiosk)
desk-admin-topic-save = Save the topic
desk-admin-topic-saved = Topic “{ $topic }” saved.
desk-admin-topic-needs-name = Give the topic a Russian name.
desk-admin-prefix-length = A prefix is one or two letters.
desk-admin-prefix-letters = A prefix has Latin or Cyrillic letters only.
desk-admin-prefix-taken = Prefix { $prefix } is already used by “{ $topic }”: ticket numbers would collide.
desk-admin-bad-norm = { $field } is a whole number of minutes from 1 to 1440.
desk-admin-windows = Windows of the office
desk-admin-windows-none = No windows yet.
desk-admin-window = Window
desk-admin-window-topics = Serves
desk-admin-window-state = Now
desk-admin-window-in-use = In use
desk-admin-window-new = New window
desk-admin-window-new-title = Creating a window
desk-admin-window-title = Editing window { $window }
desk-admin-window-label = Window number or name:
desk-admin-window-active = The window is in use (it can be opened)
desk-admin-window-serves = Topics the window serves:
desk-admin-window-order = Order of the window's topics:
desk-admin-window-save = Save the window
desk-admin-window-saved = Window { $window } saved.
desk-admin-window-needs-label = Give the window a number or a name.
desk-admin-staff = Staff and their roles
desk-admin-staff-none = No staff.
desk-admin-staff-new = New member of staff
desk-admin-staff-new-title = Adding a member of staff
desk-admin-staff-title = Member of staff { $login }
desk-admin-staff-login = Login:
desk-admin-staff-name = Name:
desk-admin-staff-password = Password:
desk-admin-staff-reset-password = New password (reset):
desk-admin-staff-role-choice = Role: { $role }
desk-admin-staff-role = Role:
desk-admin-staff-offices = Offices:
desk-admin-staff-regions = Regions:
desk-admin-staff-no-regions = No regions yet: add them on the Regions screen.
desk-admin-staff-column-login = Login
desk-admin-staff-column-name = Name
desk-admin-staff-column-role = Role
desk-admin-staff-column-offices = Works in
desk-admin-staff-active = Active
desk-admin-staff-is-active = The account is active
desk-admin-staff-sessions-end = A new password or deactivation ends all of their sessions.
desk-admin-staff-save = Save the member of staff
desk-admin-staff-saved = { $name } saved.
desk-admin-staff-needs-name = Give the member of staff a name.
desk-admin-staff-needs-login = Give a login.
desk-admin-password-short = A password has at least { $count ->
    [one] { $count } character
   *[other] { $count } characters
}.
desk-admin-devices = Kiosks and displays: { $office }
desk-admin-devices-none = No devices yet.
desk-admin-device-name = Name:
desk-admin-device-add-kiosk = Add a kiosk
desk-admin-device-add-display = Add a display
desk-admin-device-column-name = Name
desk-admin-device-kind = Kind
desk-admin-device-last-seen = Last contact
desk-admin-device-state = State
desk-admin-device-faults = Faults
desk-admin-device-online = online
desk-admin-device-offline-since = offline since { $since }
desk-admin-device-never = never connected
desk-admin-device-revoked = revoked
desk-admin-device-revoke = Revoke “{ $device }”
desk-admin-device-revoke-sure = Revoke “{ $device }”? The device will stop working.
desk-admin-device-revoke-yes = Yes, revoke
desk-admin-token-title = { $kind } “{ $device }” added. Its key:
desk-admin-token-once = The key is shown once: nobody will see it again.
desk-admin-token-how = Type the key into the device's settings or point its camera at the QR code.
desk-admin-token-qr = QR code of the device key
desk-admin-token-hide = Hide the key
desk-admin-token-show = Show the key
desk-admin-token-done = Key carried over, close
desk-device-kiosk = Kiosk
desk-device-display = Display
desk-device-fault-printer = printer
desk-device-fault-audio = sound
desk-admin-audit = Who changed what, and when
desk-audit-office = Office:
desk-audit-all-offices = all offices
desk-audit-person = Who:
desk-audit-everyone = everyone
desk-audit-kind = What:
desk-audit-all-actions = all changes
desk-audit-apply = Show
desk-audit-empty = No changes in this period.
desk-audit-when = When
desk-audit-who = Who
desk-audit-action = Change
desk-audit-subject = Changed
desk-audit-show-short = Details
desk-audit-hide-short = Hide
desk-audit-show = Details: { $action }, { $subject }
desk-audit-hide = Hide: { $action }, { $subject }
desk-audit-field = Field
desk-audit-before = Before
desk-audit-after = After
desk-audit-no-fields = No fields changed.
desk-audit-office-created = Office created
desk-audit-office-changed = Office changed
desk-audit-topic-created = Topic created
desk-audit-topic-changed = Topic changed
desk-audit-window-created = Window created
desk-audit-window-changed = Window changed
desk-audit-staff-created = Staff member added
desk-audit-staff-changed = Staff member changed
desk-audit-password-reset = Password reset
desk-audit-password-changed = Password changed
desk-audit-device-created = Device added
desk-audit-device-revoked = Device revoked
desk-audit-reception-changed = Appointment hours changed
desk-audit-region-created = Region added
desk-audit-region-changed = Region changed
desk-alert-device-offline = { $kind } “{ $device }” is offline
desk-alert-device-offline-since = { $kind } “{ $device }” offline since { $since }
desk-alert-device-fault = { $kind } “{ $device }”: { $fault } — { $message }
desk-password-open = Change password
desk-password-title = Changing your password
desk-password-current = Current password:
desk-password-new = New password:
desk-password-repeat = New password again:
desk-password-rule = At least { $count ->
    [one] { $count } character
   *[other] { $count } characters
}.
desk-password-save = Save the new password
desk-password-changed = Password changed.
desk-password-close = Close
desk-password-current-needed = Type your current password.
desk-password-mismatch = The new password and its repeat differ.

## Administration: regions

desk-admin-screen-regions = Regions
desk-admin-regions = Regions
desk-admin-regions-hint = A region head sees every office of their regions. Tick the offices that belong to each region.
desk-admin-regions-none = No regions yet.
desk-admin-region-new = New region
desk-admin-region-new-field = Name of the new region
desk-admin-region-add = Add the region
desk-admin-region-name = Region
desk-admin-region-offices = Offices of the region
desk-admin-region-actions = Actions
desk-admin-region-needs-name = A region needs a name.
desk-admin-region-saved = Region “{ $name }” saved.
desk-admin-region-rename = Rename “{ $name }”
desk-admin-region-rename-field = New name for “{ $name }”
desk-admin-region-save = Save the name
desk-admin-region-has-office = Office “{ $office }” in region “{ $region }”

## Report files from the server (desk: reports screen)
desk-files-title = Report files
desk-files-kind = Report:
desk-files-kind-topics = Topics
desk-files-kind-agents = Staff at work
desk-files-kind-hourly = By hour
desk-files-kind-compliance = Monthly norms
desk-files-kind-feedback = Ratings
desk-files-kind-appointments = Appointments
desk-files-scope = Covers:
desk-files-region = Region «{ $name }»
desk-files-all = The whole company
desk-files-format = Format:
desk-files-folder = Folder:
desk-files-download = Download report
desk-files-making = The server is making the file…
desk-files-saved = Saved: { $path } ({ $size })
desk-files-size = { $kb } KB
desk-files-kept-title = Monthly reports
desk-files-kept-refresh = Refresh list
desk-files-kept-none = No reports of past months yet: the server makes them on the first day of each month.
desk-files-kept-hint = Click a report to save it as { $format }.
desk-files-kept-save = { $month } · { $scope }

## Staffing advice (desk: head's board)
desk-advice-title = Staffing advice
desk-advice-none = No advice: the open windows keep up.
desk-advice-open-by = Open one more window for “{ $topic }”: otherwise by { $time } the wait will pass { $norm } min
desk-advice-open-now = Open one more window for “{ $topic }”: the wait is already past { $norm } min
desk-advice-open = Open one more window for “{ $topic }”: otherwise the wait may pass { $norm } min
desk-advice-open-none = Open a window for “{ $topic }”: no open window serves it now
desk-advice-add = Window { $window } can take the topic “{ $topic }”
desk-advice-close = Window { $window } can close until { $time }
desk-advice-numbers = Expected { $arrivals } an hour, service { $service } min; windows { $open }, needed { $needed }; { $share } would wait past the norm

## Notifications outside the desk (desk: administration)
desk-admin-screen-notify = Email and webhook alerts
desk-notify-title = Where the office's alerts go
desk-notify-hint = Wait breaches and long queues, and each step of their escalation: a webhook gets signed JSON (HMAC-SHA256), email a message. Failed deliveries are tried again.
desk-notify-webhook = Webhook
desk-notify-email = Email
desk-notify-address = Address
desk-notify-new-address = New address:
desk-notify-address-prompt = Webhook URL or email:
desk-notify-in-english = Emails in English
desk-notify-add = Add
desk-notify-needs-address = Give an address: the webhook's URL or an email address.
desk-notify-added = Added: { $address }
desk-notify-added-secret = Added: { $address }. Signing secret (shown once): { $secret }
desk-notify-none = This office's alerts go nowhere else.
desk-notify-kind = Kind
desk-notify-log-of = Log of { $address }
desk-notify-stop = Stop { $address }
desk-notify-log = Deliveries to { $address }
desk-notify-log-empty = No deliveries yet.
desk-notify-log-when = When
desk-notify-log-status = Status
desk-notify-log-attempts = Attempts
desk-notify-log-error = Last error
desk-notify-delivered = delivered
desk-notify-pending = will retry
desk-notify-failed = not delivered

## What if (desk: norms tab)
desk-whatif-title = Planned day: what if
desk-whatif-hint = How many windows are open from which hour to which: “9-12:3, 12-14:2, 14-18:3”. Windows are taken in order (the office has { $windows }), with the topics they serve now; arrivals as on the last four same weekdays.
desk-whatif-plan = Plan:
desk-whatif-day = Day:
desk-whatif-run = Calculate
desk-whatif-bad-plan = Write the plan as “9-12:3, 12-14:2”: hours from-to and the windows open, each hour once.
desk-whatif-too-many = The plan has { $count } windows; the office has { $windows }.
desk-whatif-no-history = No history for this weekday: no visitors are expected.
desk-whatif-outcome = Visitors in the day: { $visitors }; within the wait norm: { $within }; average wait { $wait }; window-hours: { $hours }
desk-whatif-peak = Worst at { $hour }: { $wait } of waiting on average
desk-whatif-topic = { $topic }: { $visitors } visitors, within the norm { $within }, average wait { $wait }
