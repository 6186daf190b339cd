using Flagon;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace RealWorld.Extensions;

/// <summary>Flask-SQLAlchemy's query helpers (slide 16's <c>first_or_404</c>) on EF Core queries.</summary>
public static class QueryExtensions
{
    /// <summary>The first result, or a 404 (Flask-SQLAlchemy's <c>first_or_404()</c>).</summary>
    public static async Task<T> FirstOr404Async<T>(this IQueryable<T> query, CancellationToken cancellationToken = default) =>
        await query.FirstOrDefaultAsync(cancellationToken) ?? throw new HttpError(StatusCodes.Status404NotFound);

    /// <summary>
    /// One page of results (Flask-SQLAlchemy's <c>paginate()</c>): page numbers start at 1; a page past the last (but
    /// the first) or below 1 is a 404, as with <c>error_out</c>.
    /// </summary>
    public static async Task<Pagination<T>> PaginateAsync<T>(this IQueryable<T> query, int page, int perPage, CancellationToken cancellationToken = default)
    {
        if (page < 1 || perPage < 1)
        {
            throw new HttpError(StatusCodes.Status404NotFound);
        }
        int total = await query.CountAsync(cancellationToken);
        var items = await query.Skip((page - 1) * perPage).Take(perPage).ToListAsync(cancellationToken);
        if (items.Count == 0 && page > 1)
        {
            throw new HttpError(StatusCodes.Status404NotFound);
        }
        return new Pagination<T>(items, page, perPage, total);
    }
}

/// <summary>One page of a query's results, with what a pager needs.</summary>
public sealed record Pagination<T>(IReadOnlyList<T> Items, int Page, int PerPage, int Total)
{
    public int Pages => Total == 0 ? 1 : (Total + PerPage - 1) / PerPage;

    public bool HasPrev => Page > 1;

    public bool HasNext => Page < Pages;

    public int PrevNum => Page - 1;

    public int NextNum => Page + 1;
}
