<?php /** @var string $csrf */ ?>
<div class="simulation">
<h2>FranceConnect (simulation)</h2>
<p>Cette page remplace le fournisseur d’identité dans l’exemple&nbsp;: elle renvoie au site les informations
  qu’enverrait FranceConnect. Un vrai ENT les reçoit de FranceConnect après l’échange OpenID Connect.</p>
<form method="post" action="/franceconnect" novalidate>
  <input type="hidden" name="csrf" value="<?= h($csrf) ?>">
<?php partial('field', ['id' => 'given_name', 'name' => 'given_name', 'label' => 'Prénoms', 'hint' => 'Tous les prénoms, séparés par des espaces',
    'value' => '', 'errors' => [], 'attrs' => 'required']) ?>
<?php partial('field', ['id' => 'family_name', 'name' => 'family_name', 'label' => 'Nom de naissance', 'hint' => null,
    'value' => '', 'errors' => [], 'attrs' => 'required']) ?>
<?php partial('field', ['id' => 'preferred_username', 'name' => 'preferred_username', 'label' => 'Nom d’usage', 'hint' => 'Facultatif',
    'value' => '', 'errors' => [], 'attrs' => '']) ?>
<?php partial('field', ['id' => 'birthdate', 'name' => 'birthdate', 'label' => 'Date de naissance', 'hint' => 'AAAA-MM-JJ',
    'value' => '', 'errors' => [], 'attrs' => '']) ?>
  <button type="submit">Continuer vers le site</button>
</form>
</div>
