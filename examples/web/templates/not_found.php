<p>Cette page n’existe pas. <a href="/">Retour à l’accueil</a></p>
