// The strict multipart/form-data reader behind photo job uploads: well-formed forms come apart
// into their fields, and every kind of damage is a precise 400 (or 413 for a part over its cap).
#include "core/api/MultipartForm.h"

#include <QtTest>

using namespace pb::api;

namespace {

const QByteArray kType = "multipart/form-data; boundary=XyZ";
const FormLimits kLimits{4, 64, 16};

QByteArray part(const QByteArray& disposition, const QByteArray& data, const QByteArray& extraHeaders = {})
{
    return "--XyZ\r\nContent-Disposition: form-data; " + disposition + "\r\n" + extraHeaders + "\r\n" + data + "\r\n";
}

std::variant<QList<FormPart>, ApiError> parse(const QByteArray& body, const QByteArray& type = kType)
{
    const auto parsed = parseMultipartForm(type, body, kLimits);
    if (!parsed) return ApiError{ApiError::BadRequest, "not_multipart", {}};
    return *parsed;
}

QString errorCode(const std::variant<QList<FormPart>, ApiError>& result)
{
    const auto* error = std::get_if<ApiError>(&result);
    return error ? error->code : QString("parsed");
}

} // namespace

class MultipartFormTest : public QObject {
    Q_OBJECT
private slots:
    void wellFormedFormComesApartIntoFields()
    {
        const QByteArray photo("\xFF\xD8\xFF\r\n--Xy binary\0data", 21);
        const QByteArray body = part(R"(name="photo"; filename="a.jpg")", photo, "Content-Type: image/jpeg\r\n") +
                                part("name=label", "face") + "--XyZ--\r\n";
        const auto result = parse(body, R"(Multipart/Form-Data; boundary="XyZ")");
        QCOMPARE(errorCode(result), QString("parsed"));
        const auto parts = std::get<QList<FormPart>>(result);
        QCOMPARE(parts.size(), 2);
        QCOMPARE(parts[0].name, QString("photo"));
        QCOMPARE(parts[0].filename, QString("a.jpg"));
        QCOMPARE(parts[0].contentType, QByteArray("image/jpeg"));
        QCOMPARE(parts[0].data, photo);
        QCOMPARE(parts[1].name, QString("label"));
        QVERIFY(parts[1].filename.isEmpty());
        QCOMPARE(parts[1].data, QByteArray("face"));
    }

    void otherContentTypesAreNotForms() { QVERIFY(!parseMultipartForm("application/json", "{}", kLimits)); }

    void damageIsAPreciseError_data()
    {
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        const QByteArray label = part("name=label", "face");
        QTest::newRow("no boundary") << QByteArray("multipart/form-data") << label + "--XyZ--" << "bad_multipart";
        QTest::newRow("empty boundary") << QByteArray("multipart/form-data; boundary=") << label + "--XyZ--" << "bad_multipart";
        QTest::newRow("boundary over 70") << "multipart/form-data; boundary=" + QByteArray(71, 'a') << label << "bad_multipart";
        QTest::newRow("other boundary") << kType << part("name=label", "x").replace("XyZ", "Abc") + "--Abc--" << "bad_multipart";
        QTest::newRow("empty body") << kType << QByteArray() << "bad_multipart";
        QTest::newRow("unclosed") << kType << label << "bad_multipart";
        QTest::newRow("truncated part") << kType << QByteArray("--XyZ\r\nContent-Disposition: form-data; name=la") << "bad_multipart";
        QTest::newRow("no disposition") << kType << QByteArray("--XyZ\r\nContent-Type: text/plain\r\n\r\nx\r\n--XyZ--") << "bad_multipart";
        QTest::newRow("not form-data") << kType << QByteArray("--XyZ\r\nContent-Disposition: attachment; name=a\r\n\r\nx\r\n--XyZ--") << "bad_multipart";
        QTest::newRow("no name") << kType << part("filename=\"a\"", "x") + "--XyZ--" << "bad_multipart";
        QTest::newRow("unknown header") << kType << part("name=label", "x", "X-Evil: 1\r\n") + "--XyZ--" << "bad_multipart";
        QTest::newRow("bare LF header") << kType << QByteArray("--XyZ\nContent-Disposition: form-data; name=a\n\nx\r\n--XyZ--") << "bad_multipart";
        QTest::newRow("junk after close") << kType << label + "--XyZ--junk" << "bad_multipart";
        QTest::newRow("junk after boundary") << kType << label + "--XyZ junk" << "bad_multipart";
        QTest::newRow("duplicate field") << kType << label + label + "--XyZ--" << "duplicate_field";
        QTest::newRow("too many parts") << kType << part("name=a", "") + part("name=b", "") + part("name=c", "") + part("name=d", "") + part("name=e", "") + "--XyZ--" << "bad_multipart";
        QTest::newRow("field over cap") << kType << part("name=label", QByteArray(17, 'x')) + "--XyZ--" << "part_too_large";
        QTest::newRow("file over cap") << kType << part("name=photo; filename=p", QByteArray(65, 'x')) + "--XyZ--" << "part_too_large";
        QTest::newRow("huge headers") << kType << part("name=label", "x", "Content-Type: " + QByteArray(2000, 'a') + "\r\n") + "--XyZ--" << "bad_multipart";
    }
    void damageIsAPreciseError()
    {
        QFETCH(QByteArray, type);
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        QCOMPARE(errorCode(parse(body, type)), code);
        if (code == "part_too_large") QCOMPARE(std::get<ApiError>(parse(body, type)).kind, ApiError::PayloadTooLarge);
    }
};

QTEST_GUILESS_MAIN(MultipartFormTest)
#include "tst_multipart_form.moc"
