"""Sign-in protection: lock-out after repeated failures (django-axes) and a second factor
(django-otp) for the Wagtail admin.

- ``lockout``: the lock-out page and the list of current lock-outs, with their unlocking;
- ``second_factor``: who must give a second factor, and the middleware that asks for it;
- ``views`` and ``lockout_views``: the admin pages (verification, set-up, recovery codes,
  lock-outs), wired by ``urls`` through ``praxis.wagtail_hooks``.
"""
