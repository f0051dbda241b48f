// /api/v1/openapi.json against the routes RestServer really registers: every path and method
// described, nothing described that is not served, and every error answer in the error shape.
#include "core/api/RestServer.h"
#include "core/node/Node.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QtTest>

using namespace pb::api;

namespace {

QJsonObject openApiDocument()
{
    QFile file(":/api/openapi.json");
    if (!file.open(QIODevice::ReadOnly)) return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

// "/api/v1/blocks/{id}/photo" -> "/api/v1/blocks/<arg>/photo": QHttpServer's pattern.
QString routePattern(QString openApiPath) { return openApiPath.replace(QRegularExpression("\\{[^}]+\\}"), "<arg>"); }

} // namespace

class OpenApiRoutesTest : public QObject {
    Q_OBJECT
private slots:
    void documentDescribesExactlyTheRegisteredRoutes()
    {
        const auto node = pb::createNode(pb::NodeConfig{});  // not started: only its routes are looked at
        RestServer server(*node, RestSettings{});
        std::map<QString, QStringList> described;
        const QJsonObject paths = openApiDocument().value("paths").toObject();
        QVERIFY(!paths.isEmpty());
        for (auto it = paths.begin(); it != paths.end(); ++it)
            for (const QString& method : it.value().toObject().keys()) described[routePattern(it.key())].append(method.toUpper());

        // The API's routes and /metrics; the web client's pages at / are not part of it. Patterns are
        // regular expressions: "openapi\\.json" is the path "openapi.json".
        std::map<QString, QStringList> registered;
        for (const auto& [pattern, methods] : server.routes())
            if (pattern.startsWith("/api/") || pattern == "/metrics") registered[QString(pattern).replace("\\.", ".")] = methods;
        QVERIFY(registered.count("/api/v1/openapi.json"));
        for (auto& [path, methods] : registered) methods.sort();
        for (auto& [path, methods] : described) methods.sort();
        for (const auto& [path, methods] : registered)
            QVERIFY2(described.count(path) && described[path] == methods,
                     qPrintable(QString("%1 %2 is served but not described").arg(methods.join(","), path)));
        for (const auto& [path, methods] : described)
            QVERIFY2(registered.count(path) && registered[path] == methods,
                     qPrintable(QString("%1 %2 is described but not served").arg(methods.join(","), path)));
    }

    void everyErrorAnswerUsesTheErrorSchema()
    {
        const QJsonObject document = openApiDocument();
        const QJsonObject paths = document.value("paths").toObject();
        const QJsonObject shared = document.value("components").toObject().value("responses").toObject();
        int errorAnswers = 0;
        for (const QJsonValue& path : paths)
            for (const QJsonValue& operation : path.toObject()) {
                const QJsonObject responses = operation.toObject().value("responses").toObject();
                QVERIFY(responses.contains("405"));
                QVERIFY(responses.contains("429"));
                for (auto it = responses.begin(); it != responses.end(); ++it) {
                    if (it.key().toInt() < 400) continue;
                    QJsonObject response = it.value().toObject();
                    if (response.contains("$ref")) response = shared.value(response.value("$ref").toString().section('/', -1)).toObject();
                    const QString schema = response.value("content").toObject().value("application/json").toObject()
                                               .value("schema").toObject().value("$ref").toString();
                    QCOMPARE(schema, QString("#/components/schemas/Error"));
                    ++errorAnswers;
                }
            }
        QVERIFY(errorAnswers > 50);
        const QJsonObject error = document.value("components").toObject().value("schemas").toObject().value("Error").toObject();
        QCOMPARE(error.value("required").toArray(), QJsonArray{"error"});
    }
};

QTEST_GUILESS_MAIN(OpenApiRoutesTest)
#include "tst_openapi_routes.moc"
