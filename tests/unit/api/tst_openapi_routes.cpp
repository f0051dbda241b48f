// /api/v1/openapi.json against the routes RestServer really registers: every path and method
// described, nothing described that is not served, and every error answer in the error shape.
#include "core/api/RestServer.h"
#include "core/node/Node.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QtTest>

#include <numeric>

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

    // Operator protection is a property of the route table: the document marks exactly those
    // routes with the operator token, and every write with the Origin refusal.
    void operatorRoutesAndOnlyThoseWantTheOperatorToken()
    {
        const auto node = pb::createNode(pb::NodeConfig{});
        RestServer server(*node, RestSettings{});
        QVERIFY(server.operatorRoutes().count("/api/v1/peers"));
        QVERIFY(server.operatorRoutes().count("/api/v1/pairing"));
        QVERIFY(!server.operatorRoutes().count("/api/v1/mining/jobs"));
        const QJsonArray operatorOnly{QJsonObject{{"operatorToken", QJsonArray()}}};
        const QJsonObject paths = openApiDocument().value("paths").toObject();
        int operatorOperations = 0;
        for (auto path = paths.begin(); path != paths.end(); ++path) {
            const QJsonObject operations = path.value().toObject();
            for (auto it = operations.begin(); it != operations.end(); ++it) {
                const QString method = it.key().toUpper();
                const QJsonObject operation = it.value().toObject();
                const QJsonObject responses = operation.value("responses").toObject();
                const auto served = server.operatorRoutes().find(routePattern(path.key()));
                const bool isOperator = served != server.operatorRoutes().end() && served->second.contains(method);
                const QString where = method + " " + path.key();
                QVERIFY2((operation.value("security").toArray() == operatorOnly) == isOperator, qPrintable(where));
                if (isOperator) {
                    ++operatorOperations;
                    QVERIFY2(responses.value("401").toObject().value("description").toString().contains("operator_token_required"),
                             qPrintable(where));
                }
                if (method != "GET")
                    QVERIFY2(responses.value("403").toObject().value("description").toString().contains("origin_not_allowed"),
                             qPrintable(where));
            }
        }
        QCOMPARE(operatorOperations, int(std::accumulate(server.operatorRoutes().begin(), server.operatorRoutes().end(), qsizetype(0),
                                                         [](qsizetype n, const auto& route) { return n + route.second.size(); })));
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
                QVERIFY(responses.contains("421"));  // the Host allow-list answers on every route
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
