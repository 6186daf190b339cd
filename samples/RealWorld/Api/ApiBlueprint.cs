using Flagon;
using Microsoft.EntityFrameworkCore;
using RealWorld.Data;
using RealWorld.Extensions;

namespace RealWorld.Api;

/// <summary>A page as the API lists it.</summary>
/// <param name="Id">The page's number: its URL is <c>/page/{id}</c>.</param>
/// <param name="Title">The page's title.</param>
/// <param name="CreatedUtc">When it was written.</param>
public sealed record PageSummary(int Id, string Title, DateTime CreatedUtc);

/// <summary>A page with its text.</summary>
public sealed record PageDocument(int Id, string Title, string Body, DateTime CreatedUtc, DateTime UpdatedUtc);

/// <summary>
/// A read-only JSON API over the pages, described by the OpenAPI document at <c>/openapi/v1.json</c> and browsable
/// at <c>/api/docs</c>.
/// </summary>
[Blueprint("api")]
public partial class ApiBlueprint
{
    /// <summary>Every page, newest first.</summary>
    [Route("/pages/")]
    public static async Task<PageSummary[]> ListPages(SiteDb db) =>
        await db.Pages.OrderByDescending(p => p.CreatedUtc).ThenByDescending(p => p.Id)
            .Select(p => new PageSummary(p.Id, p.Title, p.CreatedUtc)).ToArrayAsync();

    /// <summary>One page, with its text.</summary>
    /// <remarks>An unknown page is a 404.</remarks>
    /// <param name="pk">The page's number.</param>
    /// <param name="db">The site's database.</param>
    [Route("/pages/<int(min=1):pk>")]
    public static async Task<PageDocument> GetPage(int pk, SiteDb db) =>
        await db.Pages.Where(p => p.Id == pk)
            .Select(p => new PageDocument(p.Id, p.Title, p.Body, p.CreatedUtc, p.UpdatedUtc)).FirstOr404Async();
}
