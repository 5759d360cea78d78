"""A page of a listing from ``?page=`` (a bad number gives the first or the last page)."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator

PAGE_SIZE = 20


def paginate(items, request, per_page=PAGE_SIZE):
    """``items``: a list or a queryset (then one ``COUNT`` and one slice are queried)."""
    paginator = Paginator(items, per_page)
    number = request.GET.get("page", 1)
    try:
        return paginator.page(number)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)
