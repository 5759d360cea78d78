"""makemessages without msgmerge's fuzzy guesses: a new string arrives untranslated, never with the
translation of a similar-looking one ("account" was offered "pays"); `make messages-check` lists it."""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]
