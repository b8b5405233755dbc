<div class="alert" role="alert"><p>Une erreur est survenue. Réessayez dans quelques instants&nbsp;; si elle persiste,
  contactez l’établissement. <a href="/">Retour à l’accueil</a></p></div>
