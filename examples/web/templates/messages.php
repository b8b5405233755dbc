<?php
/** The page's messages: an alert (role="alert"), a notice (role="status"), the list of field errors with links. */
/** @var ?string $alert @var ?string $notice @var array<string, string> $errors */
?>
<?php if ($alert !== null): ?>
<div class="alert" role="alert" id="alerte"><p><?= h($alert) ?></p></div>
<?php endif ?>
<?php if ($notice !== null): ?>
<div class="notice" role="status" id="information"><p><?= h($notice) ?></p></div>
<?php endif ?>
<?php if ($errors !== []): ?>
<div class="alert" role="alert" id="erreurs">
  <p><?= count($errors) > 1 ? 'Le formulaire contient ' . count($errors) . '&nbsp;erreurs&nbsp;:' : 'Le formulaire contient une erreur&nbsp;:' ?></p>
  <ul>
<?php foreach ($errors as $field => $message): ?>
    <li><a href="#<?= h($field) ?>"><?= h($message) ?></a></li>
<?php endforeach ?>
  </ul>
</div>
<?php endif ?>
