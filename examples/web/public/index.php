<?php
// The front controller: every page of the activation journey (nginx sends every request here
// that is not a static file). No framework: src/Journey.php has one method per page.
declare(strict_types=1);

require __DIR__ . '/../src/bootstrap.php';

use Ent\Config;
use Ent\Http;
use Ent\Journey;
use Ent\OutboxSender;
use Ent\Records;
use Ent\Services;

$config = Config::fromEnvironment();
$http = new Http($config, __DIR__ . '/../templates');
$http->headers();
$path = parse_url($_SERVER['REQUEST_URI'] ?? '/', PHP_URL_PATH) ?: '/';
if ($path === '/sante') { // health check for the load balancer: the library answers, no session
    header('Content-Type: text/plain; charset=utf-8');
    echo 'ok ', \Sesame\Sesame::libraryVersion(), "\n";
    exit;
}
try {
    $http->startSession();
    (new Journey($http, Records::connect($config), new Services($config), new OutboxSender($config->outbox)))
        ->handle($_SERVER['REQUEST_METHOD'] ?? 'GET', $path);
} catch (\Throwable $e) {
    // The class and place only: messages may quote SQL or values.
    error_log('sesame-web error: ' . get_class($e) . ' at ' . basename($e->getFile()) . ':' . $e->getLine());
    $http->render('error', ['title' => 'Erreur'], 500);
}
