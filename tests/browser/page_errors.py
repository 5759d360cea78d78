"""What a tab's scripts log as errors or throw, collected as they happen."""


def console_errors(page) -> list[str]:
    """The list the errors of ``page``'s scripts are appended to, from now on."""
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors
