import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';

export function Footer() {
  const { t } = useTranslation();
  return (
    <footer className="mt-16 border-t border-solid-gray-420 bg-solid-gray-50">
      <div className="mx-auto flex max-w-7xl flex-col gap-3 px-4 py-8 sm:px-6">
        <p className="text-std-16B-170 text-solid-gray-900">{t('app.name')}</p>
        <p className="text-dns-14N-130 leading-170 text-solid-gray-800">{t('footer.operators')}</p>
        <ul className="flex flex-wrap gap-x-6 gap-y-2 text-dns-14N-130">
          <li>
            <Link to="/">{t('nav.home')}</Link>
          </li>
          <li>
            <Link to="/contacts">{t('nav.contacts')}</Link>
          </li>
          <li>
            <Link to="/register">{t('nav.register')}</Link>
          </li>
        </ul>
        <p className="text-dns-14N-130 text-solid-gray-700">{t('footer.copyright')}</p>
      </div>
    </footer>
  );
}
