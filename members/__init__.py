"""Members: public servants' accounts (django-allauth), their profile and trust status."""
