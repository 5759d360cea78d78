"""Questions and answers under each practice: who may ask and answer, moderation (first posts
held, reports, hidden or removed with a reason, logged), notifications (above
``contributions``)."""
