### Texts of the visitor's pages (phone): the ticket page /t/… and the office board /o/….
### Russian (ru.ftl) is the first language; this file has the same ids.

# The link that switches the page to the other language (written in that language).
web-switch-language = Русский
web-app-name = Talon — electronic queue

## The ticket page

web-ticket-title = Ticket { $ticket } — { $office }
web-ticket-title-called = Window { $window }! Ticket { $ticket }
web-ticket-label = Ticket
web-topic = Topic
web-people = { $people ->
        [one] { $people } person
       *[other] { $people } people
    }
web-people-ahead = Ahead of you
web-nobody-ahead = nobody — you are next
web-estimated-wait = Waiting time
web-about-minutes = { $minutes ->
        [0] under a minute
        [one] about { $minutes } minute
       *[other] about { $minutes } minutes
    }
# A forecast: 8 visitors in 10 wait within it.
web-wait-range = { $low } to { $high } minutes
web-state-waiting = You are in the queue
web-state-soon = Your turn is coming soon
web-state-soon-hint = Please come back to the hall so you do not miss the call.
web-state-called = Please go to window { $window }
web-state-called-hint = You are being called. Show your ticket at the window.
web-state-recalled = Called again
web-state-serving = You are being served at window { $window }
web-state-done = Your visit is complete
web-state-done-hint = Thank you for coming!
web-state-postponed = Ticket postponed until { $time }
web-state-postponed-hint = You will then return to your place in the queue.
web-state-transferred = You were redirected: “{ $topic }”
web-state-transferred-window = Window { $window } will call you
web-state-no-show = You did not come when called
web-state-no-show-hint = The ticket is closed. Please take a new one at the kiosk.
web-state-cancelled = Ticket cancelled
web-state-left = You left the queue
web-state-day-ended = The working day has ended
web-state-day-ended-hint = The ticket is closed. Please take a new one on the next working day.
web-live-note = This page updates by itself.
web-sound-on = Turn on the call sound
web-sound-is-on = Call sound is on
web-offline = No connection to the server, reconnecting…

## Leave the queue

web-leave = Leave the queue
web-leave-question = Leave the queue? Your ticket will be cancelled and your place will not be kept.
web-leave-yes = Yes, leave
web-leave-no = No, stay

## Rating

web-rate-title = Rate our service
web-rate-5 = Excellent
web-rate-4 = Good
web-rate-3 = Satisfactory
web-rate-2 = Poor
web-rate-1 = Very poor
web-rate-comment = Comment (optional)
web-rate-send = Send rating
web-rate-choose = Please choose a rating.
web-rate-thanks = Thank you for your rating!
web-rate-already = This visit has been rated already.
web-rate-closed = The time to rate this visit is over.
web-error-network = No connection. Please try again.
web-error-other = Something went wrong. Please try again.

## Not found

web-not-found-title = Ticket not found
web-not-found-text = There is no such ticket. Check the address or scan the QR code on your ticket again.
web-office-not-found-title = Office not found
web-office-not-found-text = There is no such office. Check the address.
web-too-many-title = Too many requests
web-too-many-text = Please wait a little and reload the page.

## The office board

web-board-title = Queue — { $office }
web-board-heading = The queue now
web-board-today = Today: { $open }–{ $close }
web-board-lunch = break { $start }–{ $end }
web-board-day-off = Closed today
web-board-windows-open = Windows open: { $windows }
web-board-waiting = Waiting
web-board-wait = Waiting time
web-board-no-wait = no wait
web-board-no-topics = No topics are open for the queue right now.
web-board-link = Queue in the office

## Booking ahead

web-book-title = Book a visit
web-book-none = This office takes no bookings ahead. Take a ticket at the kiosk in the office.
web-book-choose-what = What do you need?
web-book-choose-day = Choose a day
web-book-no-days = No free times to book right now. Try later, or take a ticket at the office.
web-book-free = { $count } free
web-book-back = ← Choose something else
web-book-other-day = ← Choose another day
web-book-day-full = Every time on this day is taken.
web-book-choose-time = Free times: { $date }
web-book-name = Name (optional)
web-book-phone = Phone (optional)
web-book-consent-text = Your name and phone serve only for the office to reach you about this booking. They are kept with the booking and given to no one else.
web-book-consent = I agree to my name and phone being kept for this booking
web-book-submit = Book
web-book-move-submit = Move to this time
web-book-refused-title = The booking did not go through
web-book-try-again = Choose a time again
web-book-slot-taken = This time has just been taken. Please choose another.
web-book-slot-gone = This time can no longer be booked. Please choose another.
web-book-contact-limit = This phone already holds a booking that day. Move or cancel it instead.
web-book-same-slot = The booking is already for this time.
web-book-choose-a-time = Choose a time.
web-book-consent-needed = To leave a name or phone, tick the consent to keep them — or leave the fields empty.
web-book-contact-too-long = The name or the phone is too long.
web-booking-title = Your booking
web-booking-booked = You are booked
web-booking-checked-in = You have checked in — wait for your call
web-booking-cancelled = The booking is cancelled
web-booking-missed = You did not come: the booking is closed
web-booking-code = Booking code
web-booking-what = For
web-booking-when = When
web-booking-check-in = Check in at the office from { $from } to { $until }: press “I have a booking” at the kiosk and type this code.
web-booking-qr = QR code of this page
web-booking-calendar = Add to calendar
web-booking-move = Move the booking
web-booking-cancel = Cancel the booking
web-booking-cancel-title = Cancel the booking?
web-booking-cancel-question = Cancel the booking for { $date }, { $time }? The time becomes free for others.
web-booking-cancel-yes = Yes, cancel
web-booking-cancel-no = No, keep it
web-booking-not-active = This booking can no longer be changed.
web-booking-not-found-title = Booking not found
web-booking-not-found-text = No booking has this code. Check the code.
web-weekday-1 = Monday
web-weekday-2 = Tuesday
web-weekday-3 = Wednesday
web-weekday-4 = Thursday
web-weekday-5 = Friday
web-weekday-6 = Saturday
web-weekday-7 = Sunday
web-date = { $day } { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
}

## Reports (server/src/reports): titles, headings, charts.
report-title-topics = Report by topic
report-title-agents = Report by agent
report-title-hourly = Load by hour of the day
report-title-compliance = Monthly norm compliance
report-title-feedback = Visitors' ratings
report-title-appointments = Appointments
report-period = Period: { $from } – { $to }
report-scope = Offices
report-scope-office = Office: { $office }
report-scope-offices = { $count ->
    [one] { $count } office
   *[other] { $count } offices
}
report-from = Period start
report-to = Period end
report-sheet-about = Report
report-total = Total
report-yes = yes
report-no = no
report-table-by-office = By office
report-table-by-topic = By topic
report-table-by-agent = By agent
report-table-by-hour = By hour of the day
report-table-by-office-hour = By office and hour
report-table-by-month = By month
report-table-by-target = By service and reception
report-col-office = Office
report-col-time-zone = Time zone
report-col-topic = Topic
report-col-agent = Agent
report-col-hour = Hour
report-col-month = Month
report-col-booked-for = Booked for
report-col-issued = Tickets issued
report-col-called = Called
report-col-finished = Served
report-col-resolved = Resolved
report-col-deferred = Deferred
report-col-refused = Refused
report-col-other = Other
report-col-no-shows = No-shows
report-col-cancelled = Cancelled
report-col-unfinished = Unfinished
report-col-transfers = Transfers
report-col-wait-average = Wait, average
report-col-wait-median = Wait, median
report-col-wait-p90 = Wait, 90th percentile
report-col-wait-within = Share within wait norm
report-col-wait-over = Over wait norm
report-col-service-average = Service, average
report-col-service-median = Service, median
report-col-service-p90 = Service, 90th percentile
report-col-service-within = Share within service norm
report-col-service-over = Over service norm
report-col-total-average = Total in office, average
report-col-total-median = Total in office, median
report-col-total-p90 = Total in office, 90th percentile
report-col-total-within = Share within total norm
report-col-total-over = Over total norm
report-col-over-any = Over any norm
report-col-force-majeure = Reason: force majeure
report-col-technical-failure = Reason: technical failure
report-col-visitor-case = Reason: the visitor's case
report-col-no-reason = No reason given
report-col-serving-time = Time serving
report-col-idle-waiting-time = Idle while people waited
report-col-breaks = Breaks
report-col-break-time = Time on breaks
report-col-month-limit = Monthly average wait limit
report-col-within-limit = Within limit
report-col-ratings = Ratings
report-col-rating-average = Average rating
report-col-rating-1 = "Very poor"
report-col-rating-2 = "Poor"
report-col-rating-3 = "Fair"
report-col-rating-4 = "Good"
report-col-rating-5 = "Excellent"
report-col-rating-within = Average, wait within norm
report-col-rating-over = Average, wait over norm
report-col-booking-made = Bookings
report-col-booking-kept = Came
report-col-booking-moved = Moved
report-col-booking-cancelled = Cancelled
report-col-booking-no-shows = Did not come
report-col-booking-pending = Still ahead
report-col-booked-wait-average = Booked wait, average
report-col-booked-wait-median = Booked wait, median
report-col-booked-wait-p90 = Booked wait, 90th percentile
report-col-within-booked-norm = Share within booked norm
report-col-lead-average = Booked ahead, average
report-chart-wait-by-topic = Average wait by topic
report-chart-wait-by-agent = Average wait by agent
report-chart-wait-by-hour = Average wait by the hour the ticket was taken
report-chart-wait-by-month = Average wait of the month
report-chart-wait-norm = wait norm
report-chart-month-limit = monthly average wait limit
report-chart-minutes = minutes
report-scope-region = Region: { $region } ({ $count ->
    [one] { $count } office
   *[other] { $count } offices
})
report-chart-rating-by-topic = Average rating by topic
report-chart-points = points (1 very poor, 5 excellent)
report-chart-booked-wait = Average wait of booked visitors
report-chart-booked-norm = booked wait norm

## Alerts by email

notify-wait-breach = ticket { $ticket } has waited past the norm
notify-long-queue = a long queue: { $waiting } waiting
notify-other = an alert
notify-raised = The alert was raised.
notify-to-region = Nobody took it on in time: passed to the region head.
notify-to-head-office = Nobody took it on within an hour: passed to the head office.
notify-acknowledged = Taken on by { $name }: { $comment }
notify-subject = Talon, { $office }: { $what }
notify-body = Office: { $office }
    What: { $what }
    { $step }
    Time (UTC): { $at }
