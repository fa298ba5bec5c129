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
