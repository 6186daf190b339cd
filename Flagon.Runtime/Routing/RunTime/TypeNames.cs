namespace Flagon.Routing.RunTime;

/// <summary>A type's name as C# (and the compiler's diagnostics) write it: <c>int</c>, <c>string?</c>, <c>System.Collections.Generic.List&lt;int&gt;</c>.</summary>
internal static class TypeNames
{
    public static string Of(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return Of(inner) + "?";
        }
        string? keyword = Type.GetTypeCode(type) switch
        {
            TypeCode.Boolean => "bool",
            TypeCode.Byte => "byte",
            TypeCode.SByte => "sbyte",
            TypeCode.Char => "char",
            TypeCode.Int16 => "short",
            TypeCode.UInt16 => "ushort",
            TypeCode.Int32 => "int",
            TypeCode.UInt32 => "uint",
            TypeCode.Int64 => "long",
            TypeCode.UInt64 => "ulong",
            TypeCode.Single => "float",
            TypeCode.Double => "double",
            TypeCode.Decimal => "decimal",
            TypeCode.String => "string",
            _ => type == typeof(object) ? "object" : null,
        };
        if (keyword is not null && !type.IsEnum)
        {
            return keyword;
        }
        var name = (type.FullName ?? type.Name).Replace('+', '.');
        if (!type.IsGenericType)
        {
            return name;
        }
        name = name[..name.IndexOf('`')];
        return $"{name}<{string.Join(", ", type.GetGenericArguments().Select(Of))}>";
    }
}
