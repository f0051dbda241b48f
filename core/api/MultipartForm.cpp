#include "core/api/MultipartForm.h"

#include <QRegularExpression>

namespace pb::api {

namespace {

constexpr qsizetype kMaxPartHeaderBytes = 1024;

ApiError malformed(const QString& message) { return ApiError{ApiError::BadRequest, "bad_multipart", message}; }

// The value of `key=` in a header's parameters ("form-data; name=\"photo\""), quoted or not.
std::optional<QString> parameter(const QByteArray& header, const char* key)
{
    const QRegularExpression pattern(QString(R"re((?:^|;)\s*%1=(?:"([^"\\]*)"|([^";\s]+))\s*(?=;|$))re").arg(key),
                                     QRegularExpression::CaseInsensitiveOption);
    const auto match = pattern.match(QString::fromUtf8(header));
    if (!match.hasMatch()) return std::nullopt;
    return match.captured(1).isNull() ? match.captured(2) : match.captured(1);
}

std::variant<FormPart, ApiError> parsePartHeaders(const QByteArray& headers, int index)
{
    FormPart part;
    bool disposition = false;
    QList<QByteArray> lines = headers.split('\n');
    lines.removeLast();  // after the final CRLF
    for (const QByteArray& line : lines) {
        if (!line.endsWith('\r')) return malformed(QString("part %1: header lines must end with CRLF").arg(index));
        const QByteArray text = line.chopped(1);
        const qsizetype colon = text.indexOf(':');
        if (colon <= 0) return malformed(QString("part %1: '%2' is not a header").arg(index).arg(QString::fromLatin1(text.left(60))));
        const QByteArray name = text.left(colon).trimmed().toLower();
        const QByteArray value = text.mid(colon + 1).trimmed();
        if (name == "content-disposition") {
            if (disposition) return malformed(QString("part %1 has two Content-Disposition headers").arg(index));
            disposition = true;
            if (!value.toLower().startsWith("form-data"))
                return malformed(QString("part %1: Content-Disposition must be form-data").arg(index));
            const auto fieldName = parameter(value, "name");
            if (!fieldName || fieldName->isEmpty()) return malformed(QString("part %1 names no field").arg(index));
            part.name = *fieldName;
            part.filename = parameter(value, "filename").value_or(QString());
        } else if (name == "content-type") {
            part.contentType = value;
        } else {
            return malformed(QString("part %1: header '%2' is not allowed (only Content-Disposition and Content-Type)")
                                 .arg(index)
                                 .arg(QString::fromLatin1(name.left(60))));
        }
    }
    if (!disposition) return malformed(QString("part %1 has no Content-Disposition").arg(index));
    return part;
}

} // namespace

std::optional<std::variant<QList<FormPart>, ApiError>> parseMultipartForm(const QByteArray& contentType, const QByteArray& body,
                                                                          const FormLimits& limits)
{
    if (!contentType.trimmed().toLower().startsWith("multipart/form-data")) return std::nullopt;
    // RFC 2046: 1..70 characters from a small set, the last not a space.
    static const QRegularExpression boundaryChars(QRegularExpression::anchoredPattern(R"([0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?])"));
    const auto boundaryText = parameter(contentType.mid(contentType.indexOf(';') + 1), "boundary");
    if (contentType.indexOf(';') < 0 || !boundaryText || !boundaryChars.match(*boundaryText).hasMatch())
        return malformed("the Content-Type names no valid boundary (1-70 characters: multipart/form-data; boundary=…)");
    const QByteArray delimiter = "--" + boundaryText->toLatin1();
    if (!body.startsWith(delimiter + "\r\n")) return malformed("the body does not start with the boundary line");

    QList<FormPart> parts;
    qsizetype position = delimiter.size() + 2;
    for (int index = 1;; ++index) {
        if (index > limits.maxParts) return malformed(QString("more than %1 parts").arg(limits.maxParts));
        const qsizetype headersEnd = body.indexOf("\r\n\r\n", position);
        if (headersEnd < 0 || headersEnd - position > kMaxPartHeaderBytes)
            return malformed(QString("part %1: headers missing, unterminated or over %2 bytes").arg(index).arg(kMaxPartHeaderBytes));
        auto parsed = parsePartHeaders(body.mid(position, headersEnd + 2 - position), index);
        if (const auto* error = std::get_if<ApiError>(&parsed)) return *error;
        FormPart part = std::get<FormPart>(std::move(parsed));
        const qsizetype dataStart = headersEnd + 4;
        const qsizetype dataEnd = body.indexOf("\r\n" + delimiter, dataStart);
        if (dataEnd < 0) return malformed(QString("part %1 ('%2') is not closed by the boundary").arg(index).arg(part.name.left(40)));
        const qsizetype cap = part.filename.isEmpty() ? limits.maxFieldBytes : limits.maxFileBytes;
        if (dataEnd - dataStart > cap)
            return ApiError{ApiError::PayloadTooLarge, "part_too_large",
                            QString("part '%1' has %2 bytes; at most %3 are accepted").arg(part.name.left(40)).arg(dataEnd - dataStart).arg(cap)};
        for (const FormPart& earlier : parts)
            if (earlier.name == part.name)
                return ApiError{ApiError::BadRequest, "duplicate_field", QString("field '%1' appears twice").arg(part.name.left(40))};
        part.data = body.mid(dataStart, dataEnd - dataStart);
        parts.append(std::move(part));
        position = dataEnd + 2 + delimiter.size();
        const QByteArray rest = body.mid(position, 2);
        if (rest == "--") {
            const QByteArray epilogue = body.mid(position + 2);
            if (!epilogue.isEmpty() && epilogue != "\r\n") return malformed("data after the closing boundary");
            return parts;
        }
        if (rest != "\r\n") return malformed(QString("the boundary after part %1 is followed by neither CRLF nor --").arg(index));
        position += 2;
    }
}

} // namespace pb::api
