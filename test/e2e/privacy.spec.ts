import { expect, test } from './fixtures'
import { ConsultaPage } from './pages/consulta-page'

test('Configurações → Privacidade: a masked lookup is reported in words, erased after confirmation, and audited anonymously', async ({
  app,
}) => {
  await app.open()
  const consulta = new ConsultaPage(app.page)
  await consulta.alerts('+55 (11) 99999-0003')
  await expect(consulta.alertsResult).toContainText('Eventos de (11) 99999-0003')
  await consulta.score('111.444.777-35')
  await expect(consulta.page.getByTestId('score-value')).toHaveText('180')

  await app.goTo('Configurações')
  const form = app.page.getByTestId('privacy-form')
  await form.getByLabel('Identificar por').selectOption({ label: 'Celular' })
  await form.getByLabel('CPF, celular ou e-mail do titular').fill('(11) 99999-0003')
  await form.getByRole('button', { name: 'Gerar relatório' }).click()
  const report = app.page.getByTestId('privacy-report')
  await expect(report).toContainText('1 registro sobre (11) 99999-0003:')
  await expect(report.getByRole('row').nth(1)).toContainText('Histórico')
  await expect(report.getByRole('row').nth(1)).toContainText('Consulta Alerta: Respondida')
  await expect(report.getByRole('row').nth(1)).toContainText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/)

  await report.getByRole('button', { name: 'Eliminar tudo' }).click()
  const confirm = app.page.getByRole('alertdialog', { name: 'Eliminar os dados do titular' })
  await expect(confirm).toContainText('Eliminar 1 registro sobre (11) 99999-0003? Não há como desfazer')
  await confirm.getByRole('button', { name: 'Sim, eliminar' }).click()
  await expect(app.page.getByTestId('privacy-erased')).toHaveText('1 registro sobre (11) 99999-0003 eliminado.')
  await expect(app.page.getByTestId('privacy-audit')).toContainText('por Celular: 1 registro')
  await expect(app.page.getByTestId('privacy-audit')).not.toContainText('99999')

  // The other person's lookup is still there; the erased one is gone.
  await form.getByRole('button', { name: 'Gerar relatório' }).click()
  await expect(app.page.getByTestId('privacy-report')).toHaveText(/Nada guardado sobre \(11\) 99999-0003\./)
  await form.getByLabel('Identificar por').selectOption({ label: 'CPF' })
  await form.getByLabel('CPF, celular ou e-mail do titular').fill('111.444.777-35')
  await form.getByRole('button', { name: 'Gerar relatório' }).click()
  await expect(app.page.getByTestId('privacy-report')).toContainText('Consulta Score: Respondida')
})

test('Privacidade refuses an identifier that is none, in words', async ({ app }) => {
  await app.open()
  await app.goTo('Configurações')
  const form = app.page.getByTestId('privacy-form')
  await form.getByLabel('CPF, celular ou e-mail do titular').fill('123')
  await form.getByRole('button', { name: 'Gerar relatório' }).click()
  await expect(app.page.getByTestId('error-banner')).toContainText('Identificador inválido para a pesquisa do titular')
})
