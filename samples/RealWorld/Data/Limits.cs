namespace RealWorld.Data;

/// <summary>The sizes the database and the forms agree on.</summary>
public static class Limits
{
    public const int TitleLength = 200;

    public const int BodyLength = 20_000;

    public const int UsernameLength = 64;
}
