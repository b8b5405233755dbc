<?php
/** @var string $page @var string $title @var ?int $step @var bool $test @var string $csrf */
$steps = [1 => 'Identification', 2 => 'Code de sécurité', 3 => 'Vos enfants', 4 => 'Mot de passe', 5 => 'Confirmation'];
?><!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csrf-token" content="<?= h($csrf) ?>">
<?php if ($test): ?>
<meta name="sesame-worker" content="<?= getmypid() ?>">
<meta name="sesame-otp-workers" content="<?= h(($_SESSION['j']['issued_by'] ?? '') . ' ' . ($_SESSION['j']['verified_by'] ?? '')) ?>">
<?php endif ?>
<title><?= h($title) ?> – Activation de votre compte ENT</title>
<link rel="stylesheet" href="/style.css">
<script src="/app.js" defer></script>
</head>
<body>
<header>
  <p class="brand">ENT – Espace parents</p>
  <h1>Activation de votre compte</h1>
<?php if ($step !== null): ?>
  <p class="steps">Étape <?= (int) $step ?> sur 5&nbsp;: <?= h($steps[$step]) ?></p>
<?php endif ?>
</header>
<main id="contenu">
<?= $page ?>
</main>
<footer><p>Exemple de site d’activation construit sur la bibliothèque Sesame. Aucun SMS réel n’est envoyé.</p></footer>
</body>
</html>
